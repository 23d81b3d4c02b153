package uk.encounters.contracts.encounter;

/** The employer took an offer back; carries the offer's school id so it shares the offer's key. */
public record OfferWithdrawn(String offerId, String employerId, String shoutOutId, String schoolId, String reason)
        implements EncounterEvent {

    public OfferWithdrawn {
        Copies.required(offerId, "offerId");
        Copies.required(employerId, "employerId");
    }

    @Override
    public String partitionKey() {
        return OfferKeys.of(schoolId, employerId);
    }
}
