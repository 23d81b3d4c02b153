package uk.encounters.encounter.offer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** School-service reported that the school turned the offer down. */
public record DeclineOffer(@TargetAggregateIdentifier String offerId, String schoolId, String reason,
                           Instant declinedAt) {
}
