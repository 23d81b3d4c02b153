package uk.encounters.contracts.encounter;

import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/**
 * An employer volunteered: for a school's shout-out (shoutOutId and schoolId set) or as an activity of its own
 * (both null).
 */
public record EmployerOffered(String offerId, String employerId, String shoutOutId, String schoolId,
                              LocalDate proposedDate, String message, ActivityType activityType, String title,
                              int places, DeliveryMode mode) implements EncounterEvent {

    public EmployerOffered {
        Copies.required(offerId, "offerId");
        Copies.required(employerId, "employerId");
    }

    @Override
    public String partitionKey() {
        return OfferKeys.of(schoolId, employerId);
    }
}
