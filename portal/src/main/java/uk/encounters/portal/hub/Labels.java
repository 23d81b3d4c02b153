package uk.encounters.portal.hub;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Codes of the APIs as a coordinator reads them: "Careers talk", "14 March 2027", "Years 10, 11". */
final class Labels {

    /** The platform's dates are England's: "today" for a report or a waiting time is today there. */
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    /** Codes whose plain-English spelling is not just the code in lower case. */
    private static final Map<String, String> SPECIAL = Map.of(
            "CV_WORKSHOP", "CV and skills workshop",
            "T_LEVEL_INDUSTRY_PLACEMENT", "T Level industry placement",
            "WORK_EXPERIENCE_PLACEMENT", "Work-experience placement",
            "SELF_EMPLOYED", "Self-employed",
            "MICRO", "Micro (1-9 staff)",
            "SMALL", "Small (10-49 staff)",
            "MEDIUM", "Medium (50-249 staff)",
            "LARGE", "Large (250+ staff)",
            "SEN_SUPPORT", "SEN support",
            "EHC_PLAN", "EHC plan");

    private Labels() {
    }

    /** CAREERS_TALK as "Careers talk"; also sizes, school types and the roll's codes. */
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

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
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
