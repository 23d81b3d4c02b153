package uk.encounters.encounter.offer;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An employer volunteers for a school's shout-out; {@code offerId} comes from {@link OfferIds#forShoutOut}. */
public record OfferForShoutOut(@TargetAggregateIdentifier String offerId, String employerId, String shoutOutId,
                               LocalDate proposedDate, String message, Instant offeredAt) {
}
