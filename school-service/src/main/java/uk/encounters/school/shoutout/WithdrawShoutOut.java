package uk.encounters.school.shoutout;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param reason optional; passed on to employers whose pending offers lapse */
public record WithdrawShoutOut(@TargetAggregateIdentifier String shoutOutId, String reason, Instant withdrawnAt) {
}
