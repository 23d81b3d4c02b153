package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An employer's offer reached the shout-out, as encounter-service published it.
 *
 * @param places as offered; 0 means the employer did not say, which is read as "all the places still open"
 */
public record OfferReceived(String shoutOutId, String schoolId, String offerId, String employerId,
                            LocalDate proposedDate, String message, int places, Instant receivedAt)
        implements ShoutOutEvent {
}
