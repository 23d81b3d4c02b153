package uk.encounters.contracts.encounter;

import uk.encounters.contracts.Benchmark;

/** A careers leader replaced the checklist's result for one benchmark, with a reason that is kept. */
public record MeaningfulnessOverridden(String encounterId, String schoolId, Benchmark benchmark, boolean meaningful,
                                       String reason) implements EncounterEvent {

    public MeaningfulnessOverridden {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
