package uk.encounters.contracts.school;

/**
 * The school turned an employer's offer down.
 *
 * @param reason shown to the employer, so written for them (no pupil data)
 */
public record OfferDeclined(String offerId, String shoutOutId, String schoolId, String employerId, String reason)
        implements SchoolEvent {

    public OfferDeclined {
        Copies.required(offerId, "offerId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
