package uk.encounters.portal.shoutout;

import java.util.ArrayList;
import java.util.List;

/**
 * The sectors a careers leader picks from. The services take any non-blank sector name and the employers' board
 * matches names exactly (ignoring case), so the portal offers one fixed list: the one the demo hub's employers
 * register with. A shout-out posted through the API with another name keeps it: edits list it too.
 */
final class Sectors {

    static final List<String> LIST = List.of(
            "Agriculture and environment",
            "Chemicals and process",
            "Construction",
            "Creative and media",
            "Digital and technology",
            "Energy and clean growth",
            "Engineering and manufacturing",
            "Finance and professional services",
            "Health and social care",
            "Hospitality and tourism",
            "Logistics and ports",
            "Public services",
            "Retail");

    private Sectors() {
    }

    /** The list plus any sector already chosen that is not on it, so nothing chosen disappears from the form. */
    static List<String> offered(List<String> chosen) {
        List<String> offered = new ArrayList<>(LIST);
        if (chosen != null) {
            chosen.stream().filter(s -> s != null && !s.isBlank() && !LIST.contains(s)).forEach(offered::add);
        }
        return offered;
    }
}
