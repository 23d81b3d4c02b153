package uk.encounters.reporting.coverage;

import java.time.Instant;

/**
 * One event behind a figure or a checklist, and who recorded it, so a reviewer can ask the right person.
 *
 * @param type       the event's logical type and version, as on the wire ({@code encounter.EncounterRecorded.v1})
 * @param recordedBy the acting account's opaque id ({@code system} for the platform itself), never a name; null for
 *                   events stored before reporting kept it (a rebuild fills it in), and in answers for readers
 *                   outside the school
 */
public record EvidenceEvent(String eventId, String type, Instant recordedAt, String recordedBy) {

    /** The same event without who recorded it. */
    EvidenceEvent withoutAccount() {
        return new EvidenceEvent(eventId, type, recordedAt, null);
    }
}
