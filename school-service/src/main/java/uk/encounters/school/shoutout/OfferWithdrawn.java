package uk.encounters.school.shoutout;

import java.time.Instant;

/**
 * The employer took its offer back (encounter-service said so).
 *
 * @param placesReleased the places an accepted offer had covered; 0 for an offer that was still pending
 */
public record OfferWithdrawn(String shoutOutId, String schoolId, String offerId, String employerId, String reason,
                             int placesReleased, Instant withdrawnAt) implements ShoutOutEvent {
}
