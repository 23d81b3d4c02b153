package uk.encounters.portal.hub;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.web.Viewer;

/**
 * The hub coordinator's portal: the hub at a glance (schools by benchmark, shares fully achieving, the trend, employer
 * engagement), a school's figures, unmet demand and the CSV export. The hub is the coordinator's tenant. The trend and
 * engagement load after the page (htmx, {@code hx-trigger="load"}) so the heatmap shows at once; without JavaScript
 * each is a page of its own behind a link.
 */
@Controller
@RequestMapping("/hub")
class HubPages {

    private static final int YEARS_OFFERED = 5;

    private final HubReports reports;

    HubPages(HubReports reports) {
        this.reports = reports;
    }

    @GetMapping
    String home(Viewer viewer, Selection selection, Model model, HttpServletResponse response) {
        model.addAttribute("years", years(selection));
        try {
            model.addAttribute("figures", reports.figures(viewer.tenantId(), selection.year(), selection.date()));
        } catch (ApiProblem problem) {
            if (problem.getStatus() != 400 && problem.getStatus() != 422) {
                throw problem;
            }
            // The year or date chosen was refused: the same form again with the service's words next to the field.
            model.addAttribute("problem", problem);
            model.addAttribute("hubName", reports.hubName(viewer.tenantId()));
            response.setStatus(422);
        }
        return "hub/home";
    }

    /** The stat cards and the heatmap again, for the live refresh. */
    @GetMapping("/figures")
    String figures(Viewer viewer, Selection selection, Model model) {
        model.addAttribute("figures", reports.figures(viewer.tenantId(), selection.year(), selection.date()));
        return "hub/figures :: figures";
    }

    @GetMapping("/trend")
    String trend(Viewer viewer, Selection selection, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("trend", reports.trend(viewer.tenantId(), selection.year()).map(Trend::of).orElse(null));
        return htmx != null ? "hub/trend :: trend" : "hub/trend";
    }

    @GetMapping("/employers")
    String employers(Viewer viewer, Selection selection, Model model,
                     @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("engagement", reports.engagement(viewer.tenantId(), selection.year())
                .map(Engagement::of).orElse(null));
        return htmx != null ? "hub/employers :: employers" : "hub/employers";
    }

    /** The hub's figures, one row per school, as the heatmap shows them. */
    @GetMapping("/export.csv")
    void export(Viewer viewer, Selection selection, HttpServletResponse response) throws IOException {
        HubFigures figures = reports.figures(viewer.tenantId(), selection.year(), selection.date());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(HubCsv.fileName(figures), StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        HubCsv.write(figures, out);
        out.flush();
    }

    /** A school's figures, from the coordinator's report of it: aggregates only, no pupil in it. */
    @GetMapping("/schools/{schoolId}")
    String school(@PathVariable String schoolId, Selection selection, Model model) {
        Map<String, Object> school = reports.school(schoolId);
        model.addAttribute("years", years(selection));
        model.addAttribute("school", SchoolFigures.of(school,
                reports.schoolCoverage(schoolId, selection.year(), selection.date())));
        model.addAttribute("hubName", Json.text(school.get("hubName")));
        return "hub/school";
    }

    /** Open shout-outs no employer has offered for, oldest first; then those with offers waiting for the school. */
    @GetMapping("/demand")
    String demand(Viewer viewer, Model model) {
        List<HubReports.ShoutOut> open = reports.openShoutOuts(viewer.tenantId());
        model.addAttribute("unmet", open.stream().filter(s -> s.offers() == 0).toList());
        model.addAttribute("offered", open.stream().filter(s -> s.offers() > 0).toList());
        return "hub/demand";
    }

    /** This academic year and the four before it, plus one asked for by address that is not among them. */
    private static List<String> years(Selection selection) {
        int current = AcademicYears.startYear(AcademicYears.containing(Labels.today()));
        List<String> years = new ArrayList<>();
        for (int start = current; start > current - YEARS_OFFERED; start--) {
            years.add(AcademicYears.of(start));
        }
        if (selection.year() != null && !years.contains(selection.year())) {
            years.add(selection.year());
        }
        return years;
    }

    /**
     * The year and date a page describes, as given in its address (bound from the query, and in the model as
     * {@code selection}); empty means the services' defaults (today, the year containing it, or a past year's last
     * day).
     */
    record Selection(String academicYear, String asOf) {

        public String year() {
            return academicYear == null || academicYear.isBlank() ? null : academicYear.strip().replace('-', '/');
        }

        public String date() {
            return asOf == null || asOf.isBlank() ? null : asOf.strip();
        }

        /** Figures of today: the only ones news of an encounter changes, so the only ones kept live. */
        public boolean live() {
            String today = Labels.today().toString();
            return (year() == null || year().equals(AcademicYears.containing(Labels.today())))
                    && (date() == null || date().equals(today));
        }

        /** A link that keeps the choice: {@code /hub/export.csv?academicYear=2026/27&asOf=2027-03-31}. */
        public String link(String path) {
            return UriComponentsBuilder.fromPath(path)
                    .queryParamIfPresent("academicYear", Optional.ofNullable(year()))
                    .queryParamIfPresent("asOf", Optional.ofNullable(date()))
                    .encode().build().toUriString();
        }
    }
}
