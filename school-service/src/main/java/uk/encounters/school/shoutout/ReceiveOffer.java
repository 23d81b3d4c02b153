package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An employer's offer as encounter-service published it; receiving the same offer again changes nothing. */
public record ReceiveOffer(@TargetAggregateIdentifier String shoutOutId, String offerId, String employerId,
                           LocalDate proposedDate, String message, int places, Instant receivedAt) {
}
