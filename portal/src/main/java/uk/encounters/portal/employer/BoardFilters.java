package uk.encounters.portal.employer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriBuilder;

/**
 * The board's filters as the GET form sends them (so a filtered board can be bookmarked). All text, as typed: the
 * service judges the values and names the one it cannot use.
 *
 * @param near        a postcode, district or area to measure from; absent (null) when the person has not chosen,
 *                    and then the employer's own postcode; blank when they chose "anywhere"
 * @param withinMiles a radius, sent only with {@code near}
 */
record BoardFilters(String sector, String activityType, String yearGroup, String from, String to, String mode,
                    String near, String withinMiles) {

    static final String DEFAULT_MILES = "25";
    static final List<String> MILES = List.of("5", "10", "25", "50", "100");

    /** The person has not chosen where from: the employer's postcode, at the default radius. */
    BoardFilters withHome(String postcode) {
        if (near != null) {
            return this;
        }
        return new BoardFilters(sector, activityType, yearGroup, from, to, mode, postcode,
                Fields.blank(withinMiles) ? DEFAULT_MILES : withinMiles);
    }

    public boolean measuresDistance() {
        return !Fields.blank(near);
    }

    /** {@code GET /api/v1/shout-outs?status=OPEN&...}; values go in as URI variables so they are encoded whole. */
    URI boardUri(UriBuilder uri) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", "OPEN");
        values.put("sector", sector);
        values.put("activityType", activityType);
        values.put("yearGroup", yearGroup);
        values.put("from", from);
        values.put("to", to);
        values.put("mode", mode);
        values.put("near", near);
        values.put("withinMiles", measuresDistance() ? withinMiles : null);
        uri.path("/api/v1/shout-outs");
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!Fields.blank(value)) {
                uri.queryParam(name, "{" + name + "}");
                given.put(name, value.strip());
            }
        });
        return uri.build(given);
    }

    /** What the folded filters say they hold: "Near TS2 1RS, within 25 miles; Careers talk". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(measuresDistance() ? "Within " + (Fields.blank(withinMiles) ? "10" : withinMiles.strip())
                + " miles of " + near.strip().toUpperCase(java.util.Locale.ROOT) : "Anywhere");
        if (!Fields.blank(activityType)) {
            parts.add(Labels.activity(activityType));
        }
        if (!Fields.blank(sector)) {
            parts.add(sector.strip());
        }
        if (!Fields.blank(yearGroup)) {
            parts.add("Year " + yearGroup.strip());
        }
        if (!Fields.blank(mode)) {
            parts.add(Labels.mode(mode));
        }
        if (!Fields.blank(from) || !Fields.blank(to)) {
            parts.add(Fields.blank(to) ? "from " + Labels.date(from)
                    : Fields.blank(from) ? "until " + Labels.date(to) : Labels.dates(from, to));
        }
        return String.join("; ", parts);
    }
}
