package uk.encounters.encounter.encounter;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

public record ScheduleEncounter(@TargetAggregateIdentifier String encounterId, String schoolId, String employerId,
                                String shoutOutId, String offerId, ActivityType activityType, LocalDate date,
                                DeliveryMode mode, String location, Instant scheduledAt) {
}
