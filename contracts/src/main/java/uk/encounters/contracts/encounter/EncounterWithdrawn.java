package uk.encounters.contracts.encounter;

/** A recorded encounter should never have counted; it stops counting for every date, past ones too. */
public record EncounterWithdrawn(String encounterId, String schoolId, String reason) implements EncounterEvent {

    public EncounterWithdrawn {
        Copies.required(encounterId, "encounterId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
