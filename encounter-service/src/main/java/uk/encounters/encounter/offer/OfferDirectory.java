package uk.encounters.encounter.offer;

import java.util.Optional;

/** What other features may know about an offer: who made it and to which school. */
public interface OfferDirectory {

    Optional<OfferParties> find(String offerId);

    /** @param schoolId null for an employer's own activity, which any school may take up */
    record OfferParties(String offerId, String employerId, String schoolId, String shoutOutId) {
    }
}
