package uk.encounters.encounter.encounter;

import java.time.Instant;
import java.util.List;

public record AttendanceCorrected(String encounterId, String schoolId, List<String> attendees, String reason,
                                  Instant correctedAt) implements EncounterEvent {
}
