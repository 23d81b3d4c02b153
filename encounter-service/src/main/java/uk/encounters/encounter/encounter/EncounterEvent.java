package uk.encounters.encounter.encounter;

/** Everything that happens to an encounter, as stored in this service's event store. */
public sealed interface EncounterEvent permits EncounterScheduled, EncounterCancelled, EncounterRecorded,
        AttendanceCorrected, EncounterWithdrawn, MeaningfulnessOverridden {

    String encounterId();

    String schoolId();
}
