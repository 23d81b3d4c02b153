package uk.encounters.encounter.offer;

import java.time.Instant;
import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/**
 * An offer as made. For a shout-out the activity, title, places, mode and location are the shout-out's as the board
 * showed them, kept here so the encounter scheduled from it needs nothing else.
 */
public record EmployerOffered(String offerId, String employerId, String shoutOutId, String schoolId,
                              LocalDate proposedDate, String message, ActivityType activityType, String title,
                              int places, DeliveryMode mode, String location, Instant offeredAt)
        implements OfferEvent {
}
