package uk.encounters.portal.school;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.school.SchoolRecords.RollPupil;
import uk.encounters.portal.school.SchoolRecords.RollResult;
import uk.encounters.portal.school.SchoolRecords.School;
import uk.encounters.portal.web.Viewer;

/**
 * The pupil roll: how many are on it per year group, and the upload of the MIS export, passed on to school-service
 * as it came (the portal keeps no copy). With htmx the upload shows its progress and the answer replaces the form's
 * result area; without it the form posts and the page comes back with the answer.
 */
@Controller
class RollPages {

    private final SchoolApi api;

    RollPages(SchoolApi api) {
        this.api = api;
    }

    /** One year group of the roll summary. */
    record YearCount(int yearGroup, long pupils, long pupilPremium, long sen) {
    }

    @GetMapping("/school/roll")
    String roll(Viewer viewer, Model model) {
        addSummary(viewer, model);
        model.addAttribute("rollYears", ReportDates.rollYears(null, ReportDates.today(),
                (String) model.getAttribute("rollYear")));
        model.addAttribute("columns", RollFile.COLUMNS);
        return "school/roll";
    }

    /** The summary alone, for htmx to refresh once school-service's roll view has taken an upload in. */
    @GetMapping("/school/roll/summary")
    String summary(Viewer viewer, Model model) {
        addSummary(viewer, model);
        return "school/roll :: summary";
    }

    @PostMapping("/school/roll")
    String upload(Viewer viewer, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String academicYear,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        String year = ReportDates.normalise(academicYear);
        model.addAttribute("uploadedYear", year == null ? academicYear : year);
        try {
            if (file == null || file.isEmpty()) {
                throw new ApiProblem(422, "No file chosen", "Choose the roll export (a .csv file) to upload.",
                        List.of(new ApiProblem.FieldProblem("file", "Choose the roll export (a .csv file) to upload.")));
            }
            RollResult result = api.uploadRoll(viewer.tenantId(), academicYear, bytes(file));
            if (htmx != null) {
                model.addAttribute("result", result);
                return "school/roll :: upload-result";
            }
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute("uploadedYear", year);
            redirect.addFlashAttribute("notice", year == null ? "The roll was uploaded."
                    : "The roll for " + year + " was uploaded.");
            return "redirect:/school/roll";
        } catch (ApiProblem problem) {
            if (problem.getStatus() >= 500 || problem.getStatus() == 401 || problem.getStatus() == 403) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("rollProblems", RollFile.problems(problem));
            if (htmx != null) {
                // htmx swaps 2xx answers only; the refusal is this request's answer, shown where the result goes.
                return "school/roll :: upload-result";
            }
            response.setStatus(422);
            addSummary(viewer, model);
            model.addAttribute("rollYears", ReportDates.rollYears(academicYear, ReportDates.today(),
                    (String) model.getAttribute("rollYear")));
            model.addAttribute("columns", RollFile.COLUMNS);
            return "school/roll";
        }
    }

    private void addSummary(Viewer viewer, Model model) {
        School school = api.school(viewer.tenantId()).orElse(null);
        List<RollPupil> pupils = api.pupils(viewer.tenantId(), null, false);
        Map<Integer, List<RollPupil>> byYear = new TreeMap<>();
        pupils.forEach(p -> byYear.computeIfAbsent(p.yearGroup(), k -> new ArrayList<>()).add(p));
        model.addAttribute("school", school);
        model.addAttribute("rollYear", school != null ? school.rollAcademicYear()
                : pupils.isEmpty() ? null : pupils.getFirst().academicYear());
        model.addAttribute("yearCounts", byYear.entrySet().stream().map(e -> new YearCount(e.getKey(),
                e.getValue().size(), e.getValue().stream().filter(RollPupil::pupilPremium).count(),
                e.getValue().stream().filter(p -> p.sen() != null && !"NONE".equals(p.sen())).count())).toList());
        model.addAttribute("totalPupils", pupils.size());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded roll could not be read", e);
        }
    }
}
