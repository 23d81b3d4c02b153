package uk.encounters.school.shoutout;

import java.time.Instant;

/**
 * @param placesCovered the places this acceptance covers, fixed when accepted so a later edit of the shout-out's
 *                      places cannot change what an acceptance meant
 */
public record OfferAccepted(String shoutOutId, String schoolId, String offerId, String employerId,
                            int placesCovered, Instant acceptedAt) implements ShoutOutEvent {
}
