package uk.encounters.contracts.encounter;

import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** A school and an employer agreed a date; the encounter is recorded once it has taken place. */
public record EncounterScheduled(String encounterId, String schoolId, String employerId, String shoutOutId,
                                 String offerId, ActivityType activityType, LocalDate date, DeliveryMode mode,
                                 String location) implements EncounterEvent {

    public EncounterScheduled {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
