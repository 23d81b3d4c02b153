package uk.encounters.contracts.school;

/** The school took up an employer's offer on one of its shout-outs. */
public record OfferAccepted(String offerId, String shoutOutId, String schoolId, String employerId)
        implements SchoolEvent {

    public OfferAccepted {
        Copies.required(offerId, "offerId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
