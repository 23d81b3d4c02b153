package uk.encounters.encounter.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.encounter.employer.Postcodes;

/**
 * What an employer narrows the board by. Every criterion is optional; given ones must all hold.
 *
 * @param sector       a shout-out matches if it names this sector (any case) or names none, since a shout-out
 *                     without sectors welcomes every employer
 * @param from         shout-outs whose window ends on or after this date
 * @param to           shout-outs whose window starts on or before this date
 * @param area         a postcode area ({@code TS}) or district ({@code TS17}); matched against the first postcode in
 *                     the shout-out's location, so shout-outs whose location names no postcode (virtual ones,
 *                     usually) never match an area
 */
record BoardFilter(String sector, ActivityType activityType, Integer yearGroup, LocalDate from, LocalDate to,
                   DeliveryMode mode, String area) {

    boolean matches(Document d) {
        return sectorMatches(d.getList("sectors", String.class))
                && (activityType == null || activityType.name().equals(d.getString("activityType")))
                && (yearGroup == null || d.getList("yearGroups", Integer.class, List.of()).contains(yearGroup))
                && (from == null || !LocalDate.parse(d.getString("endDate")).isBefore(from))
                && (to == null || !LocalDate.parse(d.getString("startDate")).isAfter(to))
                && (mode == null || mode.name().equals(d.getString("mode")))
                && areaMatches(d.getString("district"));
    }

    private boolean sectorMatches(List<String> sectors) {
        return sector == null || sector.isBlank() || sectors == null || sectors.isEmpty()
                || sectors.stream().anyMatch(s -> s.equalsIgnoreCase(sector.strip()));
    }

    private boolean areaMatches(String district) {
        if (area == null || area.isBlank()) {
            return true;
        }
        if (district == null) {
            return false;
        }
        String wanted = area.strip().toUpperCase(Locale.ROOT);
        // "TS1" must not match TS17: an area is compared as letters, a district as a whole.
        return wanted.chars().allMatch(Character::isLetter)
                ? Postcodes.area(district).equals(wanted)
                : district.equals(wanted);
    }
}
