package uk.encounters.portal.employer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.encounter.EmployerSize;

/**
 * The words an employer reads for the platform's codes and dates. The switches are exhaustive on purpose: a new
 * activity type or size does not compile until it has a label here.
 */
final class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private Labels() {
    }

    /** A value of a select or a radio group and what the person reads for it. */
    record Option(String value, String label) {
    }

    static String activity(ActivityType type) {
        return switch (type) {
            case CAREERS_TALK -> "Careers talk";
            case CAREERS_FAIR -> "Careers fair";
            case MENTORING -> "Mentoring";
            case ENTERPRISE_CHALLENGE -> "Enterprise challenge";
            case MOCK_INTERVIEWS -> "Mock interviews";
            case CV_WORKSHOP -> "CV and skills workshop";
            case WORKPLACE_VISIT -> "Workplace visit";
            case TECHNICAL_DEMONSTRATION -> "Technical demonstration";
            case WORK_SHADOWING -> "Work shadowing";
            case WORK_EXPERIENCE_PLACEMENT -> "Work-experience placement";
            case VIRTUAL_WORK_EXPERIENCE -> "Virtual work experience";
            case T_LEVEL_INDUSTRY_PLACEMENT -> "T Level industry placement";
            case SUPPORTED_INTERNSHIP -> "Supported internship";
        };
    }

    static String mode(DeliveryMode mode) {
        return switch (mode) {
            case IN_PERSON -> "In person";
            case VIRTUAL -> "Virtual";
            case HYBRID -> "Hybrid";
        };
    }

    /** The bands the government's business statistics use, counted in people employed. */
    static String size(EmployerSize size) {
        return switch (size) {
            case SELF_EMPLOYED -> "Self-employed";
            case MICRO -> "Micro (1 to 9 people)";
            case SMALL -> "Small (10 to 49 people)";
            case MEDIUM -> "Medium (50 to 249 people)";
            case LARGE -> "Large (250 people or more)";
        };
    }

    static String activity(String code) {
        return label(ActivityType.class, code, Labels::activity);
    }

    static String mode(String code) {
        return label(DeliveryMode.class, code, Labels::mode);
    }

    static String size(String code) {
        return label(EmployerSize.class, code, Labels::size);
    }

    static List<Option> activities() {
        return Arrays.stream(ActivityType.values()).map(t -> new Option(t.name(), activity(t))).toList();
    }

    static List<Option> modes() {
        return Arrays.stream(DeliveryMode.values()).map(m -> new Option(m.name(), mode(m))).toList();
    }

    static List<Option> sizes() {
        return Arrays.stream(EmployerSize.values()).map(s -> new Option(s.name(), size(s))).toList();
    }

    /** Sectors as schools usually name them, offered as suggestions; people may type any other. */
    static final List<String> SECTORS = List.of("Agriculture", "Construction", "Creative", "Digital", "Education",
            "Energy", "Engineering", "Finance", "Health", "Hospitality", "Law", "Manufacturing", "Public services",
            "Retail", "Science", "Transport");

    /** "14 March 2027" for an ISO date; anything else as it came (never hide what the service said). */
    static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(iso).format(DAY);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** The day in England of an ISO instant ("2027-03-14T09:30:00Z"), written as {@link #date}; null for none. */
    static String day(String instant) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(instant).atZone(ENGLAND).toLocalDate().format(DAY);
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    static String dates(String start, String end) {
        if (end == null || end.isBlank() || end.equals(start)) {
            return date(start);
        }
        return date(start) + " to " + date(end);
    }

    /** "Year 11", "Years 9 and 10", "Years 7 to 11", "Years 7, 9 and 11". */
    static String yearGroups(List<Integer> years) {
        if (years == null || years.isEmpty()) {
            return "Any year group";
        }
        List<Integer> sorted = years.stream().sorted().distinct().toList();
        if (sorted.size() == 1) {
            return "Year " + sorted.getFirst();
        }
        boolean run = sorted.getLast() - sorted.getFirst() == sorted.size() - 1;
        if (run && sorted.size() > 2) {
            return "Years " + sorted.getFirst() + " to " + sorted.getLast();
        }
        List<String> words = sorted.stream().map(String::valueOf).toList();
        return "Years " + String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** A code the portal has no words for yet (a newer service) reads as itself, in sentence case. */
    private static <E extends Enum<E>> String label(Class<E> type, String code,
                                                    Function<E, String> words) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            return words.apply(Enum.valueOf(type, code));
        } catch (IllegalArgumentException unknown) {
            String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
