package uk.encounters.encounter.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.encounter.offer.OfferDirectory;

/** An in-memory offer directory for fixture tests. */
public class FakeOffers implements OfferDirectory {

    private final Map<String, OfferParties> offers = new HashMap<>();

    public FakeOffers with(String offerId, String employerId, String schoolId, String shoutOutId) {
        offers.put(offerId, new OfferParties(offerId, employerId, schoolId, shoutOutId));
        return this;
    }

    @Override
    public Optional<OfferParties> find(String offerId) {
        return Optional.ofNullable(offerId == null ? null : offers.get(offerId));
    }
}
