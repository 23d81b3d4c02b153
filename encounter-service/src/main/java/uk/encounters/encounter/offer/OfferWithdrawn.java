package uk.encounters.encounter.offer;

import java.time.Instant;

public record OfferWithdrawn(String offerId, String employerId, String shoutOutId, String schoolId, String reason,
                             Instant withdrawnAt) implements OfferEvent {
}
