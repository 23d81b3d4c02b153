package uk.encounters.encounter.offer;

import java.time.Instant;

/** The school's refusal as learnt from school-service; not republished, school-service published it. */
public record OfferDeclined(String offerId, String schoolId, String reason, Instant declinedAt)
        implements OfferEvent {
}
