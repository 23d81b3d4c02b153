package uk.encounters.encounter.encounter;

import java.time.Instant;
import uk.encounters.contracts.Benchmark;

public record MeaningfulnessOverridden(String encounterId, String schoolId, Benchmark benchmark, boolean meaningful,
                                       String reason, Instant overriddenAt) implements EncounterEvent {
}
