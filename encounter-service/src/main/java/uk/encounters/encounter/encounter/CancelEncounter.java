package uk.encounters.encounter.encounter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.encounter.CancelledBy;

public record CancelEncounter(@TargetAggregateIdentifier String encounterId, CancelledBy cancelledBy, String reason,
                              Instant cancelledAt) {
}
