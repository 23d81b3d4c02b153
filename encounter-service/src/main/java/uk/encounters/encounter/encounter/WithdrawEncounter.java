package uk.encounters.encounter.encounter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawEncounter(@TargetAggregateIdentifier String encounterId, String reason, Instant withdrawnAt) {
}
