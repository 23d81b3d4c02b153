package uk.encounters.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.reporting.coverage.AtRiskPupil;
import uk.encounters.reporting.coverage.EmployerEngagement;
import uk.encounters.reporting.coverage.EncounterChecklist;
import uk.encounters.reporting.coverage.HubCoverage;
import uk.encounters.reporting.coverage.HubTrend;
import uk.encounters.reporting.coverage.Measure;
import uk.encounters.reporting.coverage.PupilCoverage;
import uk.encounters.reporting.coverage.PupilEvidence;
import uk.encounters.reporting.coverage.SchoolCoverage;
import uk.encounters.reporting.projection.CoverageQueries;

/**
 * Coverage reports (API.md, reporting-service), and a hub's employer engagement, which reads the same projection,
 * from {@link CoverageQueries}, whose caches always reflect what has been projected. Pupils appear by id only.
 */
@RestController
class CoverageController {

    private final CoverageQueries queries;
    private final Clock clock;
    private final Access access;

    CoverageController(CoverageQueries queries, ObjectProvider<Clock> clock, Access access) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.access = access;
    }

    @GetMapping("/api/v1/hubs/{hubId}/coverage")
    HubCoverage hub(@PathVariable String hubId, @RequestParam(required = false) String academicYear,
                    @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        access.coordinatorOf(hubId);
        ReportClocks clocks = ReportClocks.of(academicYear, asOf, knownAt, clock);
        return queries.hub(hubId, clocks.asOf(), clocks.knownAt()).orElseThrow(() -> Access.unknownHub(hubId));
    }

    /** The hub's coverage at each month end of the year, each point equal to the hub's report on that date. */
    @GetMapping("/api/v1/hubs/{hubId}/coverage/trend")
    HubTrend trend(@PathVariable String hubId, @RequestParam(required = false) String academicYear,
                   @RequestParam(required = false) String knownAt) {
        access.coordinatorOf(hubId);
        ReportClocks clocks = ReportClocks.ofYear(academicYear, knownAt, clock);
        return queries.trend(hubId, clocks.academicYear(), clocks.asOf(), clocks.knownAt())
                .orElseThrow(() -> Access.unknownHub(hubId));
    }

    /** The year's standing encounters of the hub's schools by employer sector and size; attendances, not pupils. */
    @GetMapping("/api/v1/hubs/{hubId}/encounters/by-employer")
    EmployerEngagement byEmployer(@PathVariable String hubId, @RequestParam(required = false) String academicYear,
                                  @RequestParam(required = false) String knownAt) {
        access.coordinatorOf(hubId);
        ReportClocks clocks = ReportClocks.ofYear(academicYear, knownAt, clock);
        return queries.engagement(hubId, clocks.academicYear(), clocks.knownAt())
                .orElseThrow(() -> Access.unknownHub(hubId));
    }

    @GetMapping("/api/v1/schools/{schoolId}/coverage")
    SchoolCoverage school(@PathVariable String schoolId, @RequestParam(required = false) String academicYear,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String knownAt) {
        boolean withPupils = access.schoolFigures(schoolId);
        SchoolCoverage coverage = schoolCoverage(schoolId, ReportClocks.of(academicYear, asOf, knownAt, clock));
        return withPupils ? coverage : coverage.withoutPupils();
    }

    @GetMapping("/api/v1/schools/{schoolId}/at-risk")
    List<AtRiskPupil> atRisk(@PathVariable String schoolId, @RequestParam(required = false) String measure,
                             @RequestParam(required = false) String academicYear,
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt) {
        access.staffOf(schoolId);
        Measure wanted = measure(measure);
        return schoolCoverage(schoolId, ReportClocks.of(academicYear, asOf, knownAt, clock)).atRisk().get(wanted);
    }

    @GetMapping("/api/v1/schools/{schoolId}/coverage/evidence")
    SchoolEvidence evidence(@PathVariable String schoolId, @RequestParam(required = false) String measure,
                            @RequestParam(required = false) String yearGroup,
                            @RequestParam(required = false) String academicYear,
                            @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String knownAt) {
        access.staffOf(schoolId);
        Measure wanted = measure(measure);
        Integer year = yearGroup(yearGroup);
        ReportClocks clocks = ReportClocks.of(academicYear, asOf, knownAt, clock);
        List<PupilEvidence> pupils = queries.evidence(schoolId, wanted, year, clocks.asOf(), clocks.knownAt())
                .orElseThrow(() -> Access.unknownSchool(schoolId));
        return new SchoolEvidence(schoolId, wanted, year, clocks.academicYear(), clocks.asOf(), clocks.knownAt(),
                pupils);
    }

    @GetMapping("/api/v1/pupils/{pupilId}/coverage")
    PupilCoverage pupil(@PathVariable String pupilId, @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String knownAt) {
        access.staffOfPupil(pupilId);
        ReportClocks clocks = ReportClocks.of(null, asOf, knownAt, clock);
        return queries.pupil(pupilId, clocks.asOf(), clocks.knownAt())
                .orElseThrow(() -> Access.unknownPupil(pupilId));
    }

    @GetMapping("/api/v1/encounters/{encounterId}/checklist")
    EncounterChecklist checklist(@PathVariable String encounterId, @RequestParam(required = false) String knownAt) {
        boolean school = access.partyTo(encounterId);
        ReportClocks clocks = ReportClocks.of(null, null, knownAt, clock);
        EncounterChecklist checklist = queries.checklist(encounterId, clocks.knownAt())
                .orElseThrow(() -> Access.unknownEncounter(encounterId));
        return school ? checklist : checklist.withoutAccounts();
    }

    private SchoolCoverage schoolCoverage(String schoolId, ReportClocks clocks) {
        return queries.school(schoolId, clocks.asOf(), clocks.knownAt())
                .orElseThrow(() -> Access.unknownSchool(schoolId));
    }

    private static Measure measure(String value) {
        if (value == null || value.isBlank()) {
            throw ReportClocks.badRequest("measure", "measure is required: one of " + Arrays.toString(Measure.values())
                    + ".");
        }
        try {
            return Measure.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ReportClocks.badRequest("measure", "measure is one of " + Arrays.toString(Measure.values())
                    + ", got '" + value + "'.");
        }
    }

    private static Integer yearGroup(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ReportClocks.badRequest("yearGroup", "yearGroup is a number from 7 to 13, got '" + value + "'.");
        }
        if (year < 7 || year > 13) {
            throw ProblemException.unprocessable("yearGroup", "yearGroup is from 7 to 13, got " + year + ".");
        }
        return year;
    }

    /** The pupils behind a school's met figure and the encounters (with their events, and who recorded them). */
    record SchoolEvidence(String schoolId, Measure measure, Integer yearGroup, String academicYear, LocalDate asOf,
                          java.time.Instant knownAt, List<PupilEvidence> pupils) {
    }
}
