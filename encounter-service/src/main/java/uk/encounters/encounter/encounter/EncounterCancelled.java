package uk.encounters.encounter.encounter;

import java.time.LocalDate;
import uk.encounters.contracts.encounter.CancelledBy;

/** Who called it off and when, against the date it was due: the notice given is what reliability reports use. */
public record EncounterCancelled(String encounterId, String schoolId, String employerId, CancelledBy cancelledBy,
                                 String reason, LocalDate scheduledDate, LocalDate cancelledOn)
        implements EncounterEvent {
}
