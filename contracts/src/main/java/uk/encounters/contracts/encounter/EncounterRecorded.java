package uk.encounters.contracts.encounter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;

/**
 * An encounter took place and the school recorded it with its register and checklist.
 *
 * @param hours      duration; decimal so that sums against the 25-hour guarantee are exact
 * @param attendees  opaque pupil ids, never names
 * @param checklist  answers keyed by {@link uk.encounters.contracts.ChecklistItem} code; strings so a reader that
 *                   predates an item still reads the event
 * @param meaningful the checklist's result per tagged benchmark under {@code framework}
 */
public record EncounterRecorded(String encounterId, String schoolId, String employerId, String sector,
                                EmployerSize employerSize, String shoutOutId, String offerId,
                                ActivityType activityType, List<Benchmark> benchmarks, LocalDate date,
                                String academicYear, BigDecimal hours, DeliveryMode mode, String location,
                                String curriculumArea, List<String> attendees, Map<String, Boolean> checklist,
                                Map<Benchmark, Boolean> meaningful, FrameworkVersion framework)
        implements EncounterEvent {

    public EncounterRecorded {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
        benchmarks = Copies.list(benchmarks);
        attendees = Copies.list(attendees);
        checklist = Copies.map(checklist);
        meaningful = Copies.map(meaningful);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
