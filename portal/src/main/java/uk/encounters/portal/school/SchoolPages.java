package uk.encounters.portal.school;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.school.EvidenceView.PupilRow;
import uk.encounters.portal.school.Reports.AtRiskPupil;
import uk.encounters.portal.school.Reports.EncounterChecklist;
import uk.encounters.portal.school.Reports.EncounterEvidence;
import uk.encounters.portal.school.Reports.PupilCoverage;
import uk.encounters.portal.school.Reports.PupilEvidence;
import uk.encounters.portal.school.Reports.PupilYear;
import uk.encounters.portal.school.Reports.SchoolCoverage;
import uk.encounters.portal.school.Reports.SchoolEvidence;
import uk.encounters.portal.school.Reports.YearGroupCoverage;
import uk.encounters.portal.school.SchoolRecords.RollPupil;
import uk.encounters.portal.school.SchoolRecords.School;
import uk.encounters.portal.web.Viewer;

/**
 * The careers leader's coverage: the school at a glance, the pupils still to reach each measure (named here, from
 * the roll: reporting-service keeps ids only), and the evidence behind every figure down to one pupil's encounters.
 */
@Controller
class SchoolPages {

    private static final String YOUR_SCHOOL = "Your school";

    private final SchoolApi api;
    private final Wording wording;

    SchoolPages(SchoolApi api, Wording wording) {
        this.api = api;
        this.wording = wording;
    }

    /** A census date to jump to; {@code current} when the figures shown are on it. */
    record DateLink(String label, String href, boolean current) {
    }

    /** A measure's at-risk list to switch to. */
    record MeasureLink(Measure measure, String href, boolean current) {
    }

    /** One academic year of a pupil's GB5 with the encounters behind it; {@code current} while it can still change. */
    record YearRows(PupilYear year, List<EvidenceView.EncounterRow> encounters, boolean current) {
    }

    /** A pupil still to reach a measure, as the at-risk list shows them. */
    record AtRiskRow(PupilRow pupil, RollPupil roll) {
    }

    @GetMapping("/school")
    String dashboard(Viewer viewer, @RequestParam(required = false) String academicYear,
                     @RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        Optional<School> school = api.school(viewer.tenantId());
        model.addAttribute("school", school.orElse(null));
        model.addAttribute("schoolName", school.map(School::name).orElse(YOUR_SCHOOL));
        String shownYear = academicYear;
        String shownAsOf = asOf;
        try {
            SchoolCoverage coverage = api.coverage(viewer.tenantId(), academicYear, asOf);
            Links links = new Links(coverage.academicYear(), coverage.asOf());
            model.addAttribute("coverage", coverage);
            model.addAttribute("links", links);
            model.addAttribute("headlines", CoverageView.headlines(coverage, links));
            model.addAttribute("heatmap", CoverageView.heatmap(coverage,
                    CoverageView.yearGroups(school.map(School::yearGroups).orElse(null), coverage), links, wording));
            model.addAttribute("breakdowns", CoverageView.breakdowns(coverage, links, wording));
            model.addAttribute("levels", CoverageView.Level.values());
            shownYear = coverage.academicYear();
            shownAsOf = coverage.asOf().toString();
        } catch (ApiProblem problem) {
            handleReportProblem(problem, model, response);
        }
        addDateChoices(model, "/school", Map.of(), shownYear, shownAsOf);
        return "school/home";
    }

    @GetMapping("/school/at-risk")
    String atRisk(Viewer viewer, @RequestParam(required = false) String measure,
                  @RequestParam(required = false) String academicYear, @RequestParam(required = false) String asOf,
                  Model model, HttpServletResponse response) {
        Measure wanted = measure == null || measure.isBlank() ? Measure.GB5 : Measure.parse(measure)
                .orElseThrow(() -> unknownMeasure(measure));
        String schoolId = viewer.tenantId();
        model.addAttribute("measure", wanted);
        Optional<School> school = api.school(schoolId);
        String year = ReportDates.reportedYear(academicYear, asOf, ReportDates.today());
        Links links = new Links(year, date(asOf));
        model.addAttribute("links", links);
        model.addAttribute("measures", Stream.of(Measure.values())
                .filter(m -> m != Measure.GB6_BY_16 || school.map(s -> !"COLLEGE".equals(s.type())).orElse(true))
                .map(m -> new MeasureLink(m, links.atRisk(m), m == wanted)).toList());
        try {
            List<AtRiskPupil> atRisk = api.atRisk(schoolId, wanted, academicYear, asOf);
            Map<String, RollPupil> roll = api.pupilsById(schoolId, year,
                    atRisk.stream().map(AtRiskPupil::pupilId).toList());
            Map<Integer, List<AtRiskRow>> byYear = new LinkedHashMap<>();
            atRisk.stream()
                    .map(p -> new AtRiskRow(EvidenceView.row(p.pupilId(), p.yearGroup(), List.of(),
                            roll.get(p.pupilId()), links), roll.get(p.pupilId())))
                    .sorted(Comparator.comparing(AtRiskRow::pupil, EvidenceView.byYearThenName()))
                    .forEach(row -> byYear.computeIfAbsent(row.pupil().yearGroup(), k -> new ArrayList<>()).add(row));
            model.addAttribute("byYear", byYear);
            model.addAttribute("total", atRisk.size());
            model.addAttribute("applicable", applicable(wanted, school));
        } catch (ApiProblem problem) {
            handleReportProblem(problem, model, response);
        }
        addDateChoices(model, "/school/at-risk", Map.of("measure", wanted.name()), year,
                asOf == null || asOf.isBlank() ? null : asOf);
        model.addAttribute("academicYear", year);
        model.addAttribute("asOfText", date(asOf) == null ? "today" : wording.date(date(asOf)));
        return "school/at-risk";
    }

    @GetMapping("/school/evidence")
    String evidence(Viewer viewer, @RequestParam(required = false) String measure,
                    @RequestParam(required = false) String yearGroup,
                    @RequestParam(required = false) String academicYear, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String sen, @RequestParam(required = false) String pupilPremium,
                    @RequestParam(required = false) String gender, Model model) {
        Measure wanted = Measure.parse(measure).orElseThrow(() -> unknownMeasure(measure));
        String schoolId = viewer.tenantId();
        SchoolEvidence evidence = api.evidence(schoolId, wanted, yearGroup, academicYear, asOf);
        Optional<PupilGroup> group = PupilGroup.of(sen, pupilPremium, gender);
        Links links = new Links(evidence.academicYear(), evidence.asOf());
        Map<String, RollPupil> roll = api.pupilsById(schoolId, evidence.academicYear(),
                evidence.pupils().stream().map(PupilEvidence::pupilId).toList());
        List<PupilEvidence> pupils = evidence.pupils().stream()
                .filter(p -> group.isEmpty() || (roll.containsKey(p.pupilId())
                        && group.get().includes(roll.get(p.pupilId()))))
                .toList();
        Benchmark benchmark = wanted == Measure.GB5 ? Benchmark.GB5 : Benchmark.GB6;
        Map<String, EncounterChecklist> checklists = EvidenceView.checklists(api, pupils.stream()
                .flatMap(p -> p.encounters().stream()).map(EncounterEvidence::encounterId).toList());
        model.addAttribute("measure", wanted);
        model.addAttribute("evidence", evidence);
        model.addAttribute("scope", scope(wanted, evidence.yearGroup(), group.orElse(null)));
        model.addAttribute("links", links);
        model.addAttribute("encounters", EvidenceView.encounters(pupils, checklists, benchmark));
        model.addAttribute("pupils", EvidenceView.pupils(pupils, roll, links));
        model.addAttribute("checklistsShown", !checklists.isEmpty());
        return "school/evidence";
    }

    /**
     * reporting-service has no evidence listing for hours, only each pupil's (their page lists the encounters counted),
     * so the year group's figure leads to its pupils, one click from their hours.
     */
    @GetMapping("/school/evidence/hours")
    String hours(Viewer viewer, @RequestParam int yearGroup, @RequestParam(required = false) String academicYear,
                 @RequestParam(required = false) String asOf, Model model) {
        String schoolId = viewer.tenantId();
        SchoolCoverage coverage = api.coverage(schoolId, academicYear, asOf);
        Links links = new Links(coverage.academicYear(), coverage.asOf());
        YearGroupCoverage year = coverage.yearGroup(yearGroup);
        LocalDate on = coverage.asOf();
        List<RollPupil> pupils = api.pupils(schoolId, coverage.academicYear(), true).stream()
                .filter(p -> p.yearGroup() == yearGroup)
                .filter(p -> (p.admissionDate() == null || !p.admissionDate().isAfter(on))
                        && (p.leavingDate() == null || !on.isAfter(p.leavingDate())))
                .sorted(Comparator.comparing(RollPupil::surname, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(RollPupil::forename, String.CASE_INSENSITIVE_ORDER))
                .toList();
        model.addAttribute("yearGroup", yearGroup);
        model.addAttribute("coverage", coverage);
        model.addAttribute("hours", year == null ? null : year.workExperienceHours());
        model.addAttribute("links", links);
        model.addAttribute("pupils", pupils);
        return "school/hours";
    }

    @GetMapping("/school/pupils/{pupilId}")
    String pupil(Viewer viewer, @PathVariable String pupilId, @RequestParam(required = false) String asOf,
                 Model model) {
        PupilCoverage coverage = api.pupilCoverage(pupilId, asOf);
        RollPupil named = api.pupilsById(viewer.tenantId(), null, List.of(pupilId)).get(pupilId);
        List<EncounterEvidence> all = new ArrayList<>();
        coverage.years().forEach(y -> all.addAll(y.gb5Encounters()));
        Stream.of(coverage.gb6By16(), coverage.gb6By18()).filter(Objects::nonNull).forEach(p -> all.addAll(p.encounters()));
        if (coverage.workExperienceHours() != null) {
            all.addAll(coverage.workExperienceHours().keyStage3Encounters());
            all.addAll(coverage.workExperienceHours().keyStage4Encounters());
        }
        Map<String, EncounterChecklist> checklists = EvidenceView.checklists(api,
                all.stream().map(EncounterEvidence::encounterId).toList());
        model.addAttribute("coverage", coverage);
        model.addAttribute("pupil", named);
        model.addAttribute("pupilName", named == null ? "A pupil no longer on the roll" : named.name());
        model.addAttribute("links", new Links(AcademicYears.containing(coverage.asOf()), coverage.asOf()));
        model.addAttribute("years", coverage.years().stream()
                .sorted(Comparator.comparing(PupilYear::academicYear).reversed())
                .map(y -> new YearRows(y, EvidenceView.rows(y.gb5Encounters(), checklists, Benchmark.GB5),
                        y.academicYear().equals(AcademicYears.containing(coverage.asOf()))))
                .toList());
        model.addAttribute("by16", coverage.gb6By16() == null ? null
                : EvidenceView.rows(coverage.gb6By16().encounters(), checklists, Benchmark.GB6));
        model.addAttribute("by18", coverage.gb6By18() == null ? null
                : EvidenceView.rows(coverage.gb6By18().encounters(), checklists, Benchmark.GB6));
        if (coverage.workExperienceHours() != null) {
            model.addAttribute("ks3", EvidenceView.rows(coverage.workExperienceHours().keyStage3Encounters(),
                    checklists, Benchmark.GB6));
            model.addAttribute("ks4", EvidenceView.rows(coverage.workExperienceHours().keyStage4Encounters(),
                    checklists, Benchmark.GB6));
        }
        model.addAttribute("checklistsShown", !checklists.isEmpty());
        return "school/pupil";
    }

    /**
     * A date or year the reporting service refuses is shown next to the form that asked for it; a school it does not
     * know yet (its registration or roll not projected) is an empty state, not an error.
     */
    private static void handleReportProblem(ApiProblem problem, Model model, HttpServletResponse response) {
        if (problem.isNotFound()) {
            model.addAttribute("noFigures", true);
        } else if (problem.getStatus() == 400 || problem.getStatus() == 422) {
            model.addAttribute("problem", problem);
            response.setStatus(422);
        } else {
            throw problem;
        }
    }

    /** The form's academic years and date, and the census dates of the year shown, one click each. */
    private void addDateChoices(Model model, String path, Map<String, String> keep, String academicYear,
                                       String asOf) {
        LocalDate today = ReportDates.today();
        String year = ReportDates.reportedYear(academicYear, asOf, today);
        model.addAttribute("years", ReportDates.academicYears(year, today));
        model.addAttribute("asOf", asOf);
        model.addAttribute("formPath", path);
        model.addAttribute("formKeep", keep);
        List<DateLink> census = new ArrayList<>();
        for (LocalDate date : ReportDates.census(year)) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
            keep.forEach(link::queryParam);
            census.add(new DateLink(wording.date(date) + (date.isAfter(today) ? " (to come)" : ""),
                    link.queryParam("academicYear", ReportDates.forUrl(year)).queryParam("asOf", date).toUriString(),
                    date.toString().equals(asOf)));
        }
        UriComponentsBuilder todayLink = UriComponentsBuilder.fromPath(path);
        keep.forEach(todayLink::queryParam);
        census.add(new DateLink("Today", todayLink.toUriString(), asOf == null || today.toString().equals(asOf)));
        model.addAttribute("census", census);
    }

    /** Whether anyone is measured: an 11-16 school has no Year 13, so "by 18" does not apply to it. */
    private static boolean applicable(Measure measure, Optional<School> school) {
        if (school.isEmpty() || school.get().yearGroups() == null) {
            return true;
        }
        return switch (measure) {
            case GB5 -> true;
            case GB6_BY_16 -> school.get().yearGroups().contains(11);
            case GB6_BY_18 -> school.get().yearGroups().contains(13);
        };
    }

    private String scope(Measure measure, Integer yearGroup, PupilGroup group) {
        String pupils = yearGroup != null ? "Year " + yearGroup : switch (measure) {
            case GB5 -> "Years 7 to 13";
            case GB6_BY_16 -> "Year 11";
            case GB6_BY_18 -> "Year 13";
        };
        return group == null ? pupils : pupils + ", " + group.describe(wording);
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ApiProblem unknownMeasure(String measure) {
        String message = "Choose a measure: GB5, GB6_BY_16 or GB6_BY_18" + (measure == null ? "." : ", not '"
                + measure + "'.");
        return new ApiProblem(400, "Unknown measure", message, List.of(new ApiProblem.FieldProblem("measure",
                message)));
    }
}
