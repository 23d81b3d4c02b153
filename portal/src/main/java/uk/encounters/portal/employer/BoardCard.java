package uk.encounters.portal.employer;

import java.util.List;
import java.util.Map;

/**
 * One open shout-out as the board shows it (never any pupil data: the board has none). {@code startDate} and
 * {@code endDate} stay ISO for the offer form's date limits.
 */
record BoardCard(String shoutOutId, String title, String schoolName, String description, String activity,
                 List<String> sectors, String yearGroups, String dates, String startDate, String endDate,
                 String mode, String where, String distance, String places) {

    static BoardCard of(Map<String, Object> entry) {
        String mode = Fields.text(entry, "mode");
        return new BoardCard(Fields.text(entry, "shoutOutId"), Fields.text(entry, "title"),
                Fields.text(entry, "schoolName"), Fields.text(entry, "description"),
                Labels.activity(Fields.text(entry, "activityType")), Fields.texts(entry, "sectors"),
                Labels.yearGroups(Fields.integers(entry, "yearGroups")),
                Labels.dates(Fields.text(entry, "startDate"), Fields.text(entry, "endDate")),
                Fields.text(entry, "startDate"), Fields.text(entry, "endDate"), Labels.mode(mode),
                where(Fields.text(entry, "location"), Fields.text(entry, "district"), mode),
                distance(Fields.decimal(entry, "distanceMiles")),
                Labels.plural(Fields.integer(entry, "places") == null ? 0 : Fields.integer(entry, "places"),
                        "place", "places"));
    }

    private static String where(String location, String district, String mode) {
        if (!Fields.blank(location)) {
            return location;
        }
        if (!Fields.blank(district)) {
            return district;
        }
        return "VIRTUAL".equals(mode) ? "Online" : "Not given yet";
    }

    /** Distances run between postcode-area centres, so they are rough: said as "about", and 0 as the same area. */
    private static String distance(Double miles) {
        if (miles == null) {
            return null;
        }
        if (miles < 0.05) {
            return "In the same postcode area";
        }
        return "About " + (miles >= 10 ? String.valueOf(Math.round(miles)) : String.format(java.util.Locale.UK, "%.1f", miles))
                + " miles away";
    }
}
