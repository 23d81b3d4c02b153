package uk.encounters.portal.employer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/** The signed-in employer's offers, newest first as encounter-service lists them. */
@Component
class MyOffers {

    private final PlatformApi api;

    MyOffers(PlatformApi api) {
        this.api = api;
    }

    List<OfferCard> list(Viewer viewer) {
        return api.getList(Backend.ENCOUNTER, u -> u.path("/api/v1/employers/{employerId}/offers")
                .build(viewer.tenantId())).stream().map(OfferCard::of).toList();
    }

    /** The offer made for each shout-out (an employer offers once per shout-out), by shout-out id. */
    Map<String, OfferCard> byShoutOut(Viewer viewer) {
        Map<String, OfferCard> offers = new LinkedHashMap<>();
        list(viewer).stream().filter(o -> !o.ownActivity()).forEach(o -> offers.putIfAbsent(o.shoutOutId(), o));
        return offers;
    }
}
