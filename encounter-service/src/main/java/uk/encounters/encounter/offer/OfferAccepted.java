package uk.encounters.encounter.offer;

import java.time.Instant;

/** The school's acceptance as learnt from school-service; not republished, school-service published it. */
public record OfferAccepted(String offerId, String schoolId, Instant acceptedAt) implements OfferEvent {
}
