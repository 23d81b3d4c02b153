package uk.encounters.encounter.encounter;

import java.time.Instant;
import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

public record EncounterScheduled(String encounterId, String schoolId, String employerId, String shoutOutId,
                                 String offerId, ActivityType activityType, LocalDate date, DeliveryMode mode,
                                 String location, Instant scheduledAt) implements EncounterEvent {
}
