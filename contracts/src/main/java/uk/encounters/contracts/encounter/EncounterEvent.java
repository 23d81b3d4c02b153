package uk.encounters.contracts.encounter;

import uk.encounters.contracts.IntegrationEvent;

/** Everything encounter-service publishes on its topic. */
public sealed interface EncounterEvent extends IntegrationEvent
        permits EmployerRegistered, EmployerOffered, OfferWithdrawn,
                EncounterScheduled, EncounterCancelled, EncounterRecorded,
                AttendanceCorrected, EncounterWithdrawn, MeaningfulnessOverridden {
}
