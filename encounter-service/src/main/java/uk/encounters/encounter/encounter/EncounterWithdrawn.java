package uk.encounters.encounter.encounter;

import java.time.Instant;

public record EncounterWithdrawn(String encounterId, String schoolId, String reason, Instant withdrawnAt)
        implements EncounterEvent {
}
