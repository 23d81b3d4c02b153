package uk.encounters.school.shoutout;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcceptOffer(@TargetAggregateIdentifier String shoutOutId, String offerId, Instant acceptedAt) {
}
