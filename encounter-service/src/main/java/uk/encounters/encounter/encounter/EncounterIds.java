package uk.encounters.encounter.encounter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One encounter per accepted offer and school. Its id is derived from the pair, so the encounter scheduled when the
 * school accepts and the one the school records (possibly before the acceptance reached us) are the same stream,
 * and a redelivered acceptance cannot schedule it twice.
 */
public final class EncounterIds {

    private EncounterIds() {
    }

    public static String forOffer(String offerId, String schoolId) {
        return UUID.nameUUIDFromBytes(("encounter|" + offerId + "|" + schoolId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
