package uk.encounters.contracts.encounter;

import java.util.List;

/** The register was corrected; {@code attendees} replaces the previous list entirely. */
public record AttendanceCorrected(String encounterId, String schoolId, List<String> attendees, String reason)
        implements EncounterEvent {

    public AttendanceCorrected {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
        attendees = Copies.list(attendees);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
