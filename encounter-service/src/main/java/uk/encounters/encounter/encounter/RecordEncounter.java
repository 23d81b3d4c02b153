package uk.encounters.encounter.encounter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;

/**
 * Records an encounter that took place: a new one, or the scheduled one with this id, which it completes.
 *
 * @param benchmarks null or empty for the activity type's default
 * @param checklist  answers keyed by checklist item code, as the school sent them
 */
public record RecordEncounter(@TargetAggregateIdentifier String encounterId, String schoolId, String employerId,
                              String shoutOutId, String offerId, ActivityType activityType, Set<Benchmark> benchmarks,
                              LocalDate date, BigDecimal hours, DeliveryMode mode, String location,
                              String curriculumArea, List<String> attendees, Map<String, Boolean> checklist,
                              Instant recordedAt) {
}
