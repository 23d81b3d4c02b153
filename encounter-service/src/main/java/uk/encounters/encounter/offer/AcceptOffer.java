package uk.encounters.encounter.offer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** School-service reported that the school took the offer up. */
public record AcceptOffer(@TargetAggregateIdentifier String offerId, String schoolId, String shoutOutId,
                          Instant acceptedAt) {
}
