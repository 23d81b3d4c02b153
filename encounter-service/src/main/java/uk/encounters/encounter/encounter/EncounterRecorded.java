package uk.encounters.encounter.encounter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.EmployerSize;

/**
 * The encounter as recorded, with the employer's sector and size as they stood and the checklist's result: the
 * outbox republishes history through a pure mapping, so everything the contract carries is stored here.
 */
public record EncounterRecorded(String encounterId, String schoolId, String employerId, String sector,
                                EmployerSize employerSize, String shoutOutId, String offerId,
                                ActivityType activityType, List<Benchmark> benchmarks, LocalDate date,
                                String academicYear, BigDecimal hours, DeliveryMode mode, String location,
                                String curriculumArea, List<String> attendees, Map<String, Boolean> checklist,
                                Map<Benchmark, Boolean> meaningful, FrameworkVersion framework, Instant recordedAt)
        implements EncounterEvent {
}
