package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline job; does nothing unless the shout-out is open and {@code today} is after its end date, so
 * sending it again, or for a shout-out whose end date was moved later, is harmless.
 *
 * @param today     the school date the job runs for
 * @param noticedAt stamps the offers the expiry declines
 */
public record ExpireShoutOut(@TargetAggregateIdentifier String shoutOutId, LocalDate today, Instant noticedAt) {
}
