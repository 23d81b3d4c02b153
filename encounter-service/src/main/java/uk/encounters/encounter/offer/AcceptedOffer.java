package uk.encounters.encounter.offer;

import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** What an accepted offer commits both sides to: everything needed to schedule the encounter. */
public record AcceptedOffer(String offerId, String employerId, String schoolId, String shoutOutId,
                            ActivityType activityType, LocalDate date, DeliveryMode mode, String location) {
}
