package uk.encounters.school.shoutout;

import java.time.Instant;

/**
 * @param reason    shown to the employer, so written for them
 * @param automatic true where the platform declined it because the shout-out had closed, not the school
 */
public record OfferDeclined(String shoutOutId, String schoolId, String offerId, String employerId, String reason,
                            boolean automatic, Instant declinedAt) implements ShoutOutEvent {
}
