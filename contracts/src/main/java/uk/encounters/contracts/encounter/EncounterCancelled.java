package uk.encounters.contracts.encounter;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A scheduled encounter was called off; late cancellations are a known pain, so how late is kept. */
public record EncounterCancelled(String encounterId, String schoolId, String employerId, CancelledBy cancelledBy,
                                 String reason, LocalDate scheduledDate, LocalDate cancelledOn)
        implements EncounterEvent {

    public EncounterCancelled {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
    }

    /** Days of notice given: 0 on the day itself, negative after it. Derived, so not on the wire. */
    public long noticeDays() {
        return ChronoUnit.DAYS.between(cancelledOn, scheduledDate);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
