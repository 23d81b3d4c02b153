package uk.encounters.school.shoutout;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The employer took an offer back (encounter-service's OfferWithdrawn). */
public record WithdrawOffer(@TargetAggregateIdentifier String shoutOutId, String offerId, String reason,
                            Instant withdrawnAt) {
}
