package uk.encounters.portal.shoutout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the careers leader typed into the shout-out form, kept as typed (text) so a refused form comes back exactly
 * as it was sent; school-service decides what is valid.
 */
public record ShoutOutForm(String title, String description, String activityType, List<String> sectors,
                           List<String> yearGroups, String places, String startDate, String endDate, String mode,
                           String location) {

    public ShoutOutForm {
        sectors = sectors == null ? List.of() : sectors;
        yearGroups = yearGroups == null ? List.of() : yearGroups;
    }

    /** A new shout-out: in person, starting today, open for four weeks. */
    static ShoutOutForm blank(LocalDate today) {
        return new ShoutOutForm("", "", "", List.of(), List.of(), "", today.toString(), today.plusWeeks(4).toString(),
                "IN_PERSON", "");
    }

    static ShoutOutForm of(ShoutOut shoutOut) {
        return new ShoutOutForm(shoutOut.title(), shoutOut.description(), shoutOut.activityType(), shoutOut.sectors(),
                shoutOut.yearGroups().stream().map(String::valueOf).toList(), String.valueOf(shoutOut.places()),
                String.valueOf(shoutOut.startDate()), String.valueOf(shoutOut.endDate()), shoutOut.mode(),
                shoutOut.location() == null ? "" : shoutOut.location());
    }

    public boolean hasSector(String sector) {
        return sectors.contains(sector);
    }

    public boolean hasYear(int yearGroup) {
        return yearGroups.contains(String.valueOf(yearGroup));
    }

    /**
     * The request body for posting and editing (the two take the same fields). Text that is not a number or a date
     * goes as typed, so school-service names the field in its answer.
     */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title == null ? "" : title.strip());
        body.put("description", blankToNull(description));
        body.put("activityType", blankToNull(activityType));
        body.put("sectors", sectors.stream().filter(s -> !s.isBlank()).toList());
        List<Object> years = new ArrayList<>();
        yearGroups.forEach(y -> years.add(number(y)));
        body.put("yearGroups", years);
        Object placesValue = number(places);
        if (placesValue != null) {
            body.put("places", placesValue);
        }
        body.put("startDate", blankToNull(startDate));
        body.put("endDate", blankToNull(endDate));
        body.put("mode", blankToNull(mode));
        body.put("location", blankToNull(location));
        return body;
    }

    private static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
