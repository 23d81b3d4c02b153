package uk.encounters.encounter.encounter;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.Benchmark;

public record OverrideMeaningfulness(@TargetAggregateIdentifier String encounterId, Benchmark benchmark,
                                     Boolean meaningful, String reason, Instant overriddenAt) {
}
