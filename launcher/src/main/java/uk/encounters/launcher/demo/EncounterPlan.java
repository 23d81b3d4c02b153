package uk.encounters.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;

/**
 * An encounter that took place, to be recorded with its register (by UPN: pupil ids are the school-service's and
 * only exist once the roll is uploaded) and checklist, then corrected as the careers leader did afterwards.
 *
 * @param correction       a corrected register, or null
 * @param override         a careers leader's override of the checklist's result, or null
 * @param withdrawalReason why the record was withdrawn, or null
 */
public record EncounterPlan(String encounterId, String schoolId, String employerId, ActivityType activityType,
                            List<Benchmark> benchmarks, LocalDate date, BigDecimal hours, DeliveryMode mode,
                            String location, String curriculumArea, List<String> attendeeUpns,
                            Map<String, Boolean> checklist, Correction correction, MeaningOverride override,
                            String withdrawalReason) {

    public EncounterPlan {
        benchmarks = List.copyOf(benchmarks);
        attendeeUpns = List.copyOf(attendeeUpns);
        checklist = Map.copyOf(checklist);
    }

    public record Correction(List<String> attendeeUpns, String reason) {
        public Correction {
            attendeeUpns = List.copyOf(attendeeUpns);
        }
    }

    public record MeaningOverride(Benchmark benchmark, boolean meaningful, String reason) {
    }

    public String academicYear() {
        return AcademicYears.containing(date);
    }

    public FrameworkVersion framework() {
        return FrameworkVersion.forAcademicYear(academicYear());
    }

    /** The register as it finally stands. */
    public List<String> finalAttendees() {
        return correction == null ? attendeeUpns : correction.attendeeUpns();
    }

    /** Meaningful for the benchmark as DOMAIN.md decides it: tagged, not withdrawn, checklist met or overridden. */
    public boolean counts(Benchmark benchmark) {
        if (withdrawalReason != null || !benchmarks.contains(benchmark)) {
            return false;
        }
        if (override != null && override.benchmark() == benchmark) {
            return override.meaningful();
        }
        return Checklists.meaningful(checklist, benchmark, framework());
    }
}
