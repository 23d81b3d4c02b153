package uk.encounters.portal.hub;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.encounters.portal.web.EncounterWording;

/** Codes of the APIs as a coordinator reads them: "Mock interviews", "14 March 2027", "Years 10, 11". */
final class Labels {

    /** The platform's dates are England's: "today" for a report or a waiting time is today there. */
    static final ZoneId ENGLAND = EncounterWording.ENGLAND;
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    /** The roll's codes whose plain-English spelling is not just the code in lower case. */
    private static final Map<String, String> SPECIAL = Map.of("SEN_SUPPORT", "SEN support", "EHC_PLAN", "EHC plan");
    /** Activity types, employer sizes and dates read as on the other portals' pages. */
    private static final EncounterWording WORDING = new EncounterWording();

    private Labels() {
    }

    /** SCHOOL as "School", SEN_SUPPORT as "SEN support": school types and the roll's codes. */
    static String code(String code) {
        if (code == null || code.isBlank()) {
            return "Not recorded";
        }
        String special = SPECIAL.get(code);
        if (special != null) {
            return special;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static LocalDate today() {
        return LocalDate.now(ENGLAND);
    }

    static String activity(String code) {
        return code == null ? "Encounter" : EncounterWording.activityLabel(code);
    }

    static String employerSize(String code) {
        return WORDING.employerSize(code);
    }

    static String date(LocalDate date) {
        return WORDING.date(date);
    }

    static String shortDate(LocalDate date) {
        return SHORT_DATE.format(date);
    }

    static LocalDate parseDate(Object value) {
        String text = Json.text(value);
        return text == null || text.isBlank() ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** [10, 11] as "Years 10, 11"; [9] as "Year 9". */
    static String yearGroups(List<?> years) {
        if (years == null || years.isEmpty()) {
            return "Any year";
        }
        return (years.size() == 1 ? "Year " : "Years ")
                + years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
