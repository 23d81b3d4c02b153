package uk.encounters.encounter.offer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawOffer(@TargetAggregateIdentifier String offerId, String reason, Instant withdrawnAt) {
}
