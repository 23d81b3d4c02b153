package uk.encounters.school.shoutout;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param reason optional, shown to the employer */
public record DeclineOffer(@TargetAggregateIdentifier String shoutOutId, String offerId, String reason,
                           Instant declinedAt) {
}
