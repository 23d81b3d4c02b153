package uk.encounters.encounter.offer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An employer offers at most once per shout-out. The offer's id is derived from the pair, so a second offer names
 * the same stream and the event store's unique stream key rejects it, even when both requests arrive at once on
 * different nodes; no read-then-write check could promise that.
 */
public final class OfferIds {

    private OfferIds() {
    }

    public static String forShoutOut(String shoutOutId, String employerId) {
        return UUID.nameUUIDFromBytes(("offer|" + shoutOutId + "|" + employerId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
