package uk.encounters.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;

/**
 * The words people read for the platform's codes (activities, delivery modes, employer sizes, benchmarks, checklist
 * items, pupil groups) and its dates and figures, written the English way ("14 March 2027", "62.5%"). One vocabulary
 * for the three portals. Java calls it statically; templates as {@code @wording}. A code the portal has no words for
 * yet (from a newer service) reads as itself in sentence case rather than being hidden.
 */
@Component("wording")
public final class Wording {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /**
     * The sectors schools ask for and employers filter by: the services take any non-blank name and the board
     * matches names exactly, so schools and employers pick from this one list (the demo hub's employers register
     * with it). A name set through the API that is not on it is kept ({@link #sectorsWith}).
     */
    public static final List<String> SECTORS = List.of("Agriculture and environment", "Chemicals and process",
            "Construction", "Creative and media", "Digital and technology", "Energy and clean growth",
            "Engineering and manufacturing", "Finance and professional services", "Health and social care",
            "Hospitality and tourism", "Logistics and ports", "Public services", "Retail");

    private static final Map<String, String> ACTIVITIES = Map.ofEntries(
            Map.entry("CAREERS_TALK", "Careers talk"),
            Map.entry("CAREERS_FAIR", "Careers fair"),
            Map.entry("MENTORING", "Mentoring"),
            Map.entry("ENTERPRISE_CHALLENGE", "Enterprise challenge"),
            Map.entry("MOCK_INTERVIEWS", "Mock interviews"),
            Map.entry("CV_WORKSHOP", "CV and skills workshop"),
            Map.entry("WORKPLACE_VISIT", "Workplace visit"),
            Map.entry("TECHNICAL_DEMONSTRATION", "Technical demonstration"),
            Map.entry("WORK_SHADOWING", "Work shadowing"),
            Map.entry("WORK_EXPERIENCE_PLACEMENT", "Work-experience placement"),
            Map.entry("VIRTUAL_WORK_EXPERIENCE", "Virtual work experience"),
            Map.entry("T_LEVEL_INDUSTRY_PLACEMENT", "T Level industry placement"),
            Map.entry("SUPPORTED_INTERNSHIP", "Supported internship (SEND)"));
    private static final Map<String, String> MODES = Map.of(
            "IN_PERSON", "In person", "VIRTUAL", "Virtual", "HYBRID", "Hybrid");
    /** The bands of the government's business statistics, counted in people employed. */
    private static final Map<String, String> SIZES = Map.of(
            "SELF_EMPLOYED", "Self-employed", "MICRO", "Micro (1 to 9 people)", "SMALL", "Small (10 to 49 people)",
            "MEDIUM", "Medium (50 to 249 people)", "LARGE", "Large (250 people or more)");
    private static final List<String> SIZE_ORDER = List.of("SELF_EMPLOYED", "MICRO", "SMALL", "MEDIUM", "LARGE");
    private static final Map<String, String> BENCHMARKS = Map.of(
            "GB5", "GB5 Encounters with employers and employees", "GB6", "GB6 Experiences of workplaces");
    private static final Map<Benchmark, String> BENCHMARK_GROUPS = Map.of(
            Benchmark.GB5, "Encounters with employers (GB5)", Benchmark.GB6, "Experiences of workplaces (GB6)");
    private static final Map<String, String> FRAMEWORKS = Map.of("V2024", "2024 update", "V2014", "2014 benchmarks");
    /** DOMAIN.md's checklist items, shortened to what fits a line. */
    private static final Map<String, String> ITEMS = Map.of(
            "PURPOSE_SHARED", "Purpose shared with the employer and the young person",
            "LEARNING_OUTCOMES", "Learning outcomes suited to the young person's needs",
            "TWO_WAY_INTERACTION", "Two-way interaction with the employer",
            "EXTENSIVE_INTERACTION", "Extensive two-way interaction with employees",
            "RANGE_OF_PEOPLE", "Met a range of people from the workplace",
            "EMPLOYER_SET_TASK", "Performed a task set by the employer",
            "EMPLOYER_FEEDBACK", "Feedback from the employer on that work",
            "REFLECTION", "Time to reflect on what was learned",
            "ACTIVE_PARTICIPATION", "Evidence the pupil actively participated");
    /** The pupil groups of the breakdowns (SEN status, gender), and a roll's SEN column. */
    private static final Map<String, String> GROUPS = Map.of(
            "NONE", "No SEN", "SEN_SUPPORT", "SEN support", "EHC_PLAN", "EHC plan", "FEMALE", "Female",
            "MALE", "Male", "OTHER", "Other", "NOT_RECORDED", "Not recorded");

    /** A value of a select or a radio group and what the person reads for it. */
    public record Option(String value, String label) {
    }

    public static String activity(Object code) {
        return label(ACTIVITIES, code);
    }

    public static String mode(Object code) {
        return label(MODES, code);
    }

    public static String employerSize(Object code) {
        return label(SIZES, code);
    }

    public static String benchmark(Object code) {
        return label(BENCHMARKS, code);
    }

    /** The benchmark framework an encounter was judged by. */
    public static String framework(Object code) {
        return label(FRAMEWORKS, code);
    }

    public static String item(Object code) {
        return label(ITEMS, code);
    }

    public static String group(Object code) {
        return label(GROUPS, code);
    }

    public static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    public static List<Option> activities() {
        return Arrays.stream(ActivityType.values()).map(t -> new Option(t.name(), activity(t))).toList();
    }

    public static List<Option> modes() {
        return Arrays.stream(DeliveryMode.values()).map(m -> new Option(m.name(), mode(m))).toList();
    }

    public static List<Option> sizes() {
        return SIZE_ORDER.stream().map(s -> new Option(s, employerSize(s))).toList();
    }

    /** Activity types under the benchmark each usually counts towards, for forms' option groups. */
    public static Map<String, List<ActivityType>> activityGroups() {
        Map<String, List<ActivityType>> groups = new LinkedHashMap<>();
        for (Benchmark benchmark : Benchmark.values()) {
            groups.put(BENCHMARK_GROUPS.get(benchmark), Arrays.stream(ActivityType.values())
                    .filter(a -> a.defaultBenchmarks().contains(benchmark)).toList());
        }
        return groups;
    }

    /** {@link #SECTORS} plus any already chosen that is not on it, so nothing chosen disappears from a form. */
    public static List<String> sectorsWith(List<String> chosen) {
        List<String> offered = new ArrayList<>(SECTORS);
        if (chosen != null) {
            chosen.stream().filter(s -> s != null && !s.isBlank() && !SECTORS.contains(s)).forEach(offered::add);
        }
        return offered;
    }

    /** "14 March 2027", from a date or its ISO text; empty for none; anything else as it came. */
    public static String date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        try {
            return DATE.format(LocalDate.parse(value.toString().strip()));
        } catch (RuntimeException notADate) {
            return value.toString();
        }
    }

    /** "14 March 2027 to 2 April 2027", or one date where both are the same or the end is missing. */
    public static String dates(Object start, Object end) {
        if (end == null || end.toString().isBlank() || end.toString().equals(String.valueOf(start))) {
            return date(start);
        }
        return date(start) + " to " + date(end);
    }

    /** The day in England of an instant ("2027-03-14T09:30:00Z"), written as {@link #date}; null for none. */
    public static String day(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return null;
        }
        try {
            return DATE.format(Instant.parse(instant.toString()).atZone(ENGLAND));
        } catch (RuntimeException notAnInstant) {
            return instant.toString();
        }
    }

    /** "14 March 2027 at 10:32", in England's time. */
    public static String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        try {
            Instant at = value instanceof Instant instant ? instant : Instant.parse(value.toString());
            return DATE.format(at.atZone(ENGLAND)) + " at " + TIME.format(at.atZone(ENGLAND));
        } catch (RuntimeException notAnInstant) {
            return value.toString();
        }
    }

    /** "Year 11", "Years 9 and 10", "Years 7 to 11", "Years 7, 9 and 11". */
    public static String yearGroups(List<Integer> years) {
        if (years == null || years.isEmpty()) {
            return "Any year group";
        }
        List<Integer> sorted = years.stream().sorted().distinct().toList();
        if (sorted.size() == 1) {
            return "Year " + sorted.getFirst();
        }
        if (sorted.size() > 2 && sorted.getLast() - sorted.getFirst() == sorted.size() - 1) {
            return "Years " + sorted.getFirst() + " to " + sorted.getLast();
        }
        List<String> words = sorted.stream().map(String::valueOf).toList();
        return "Years " + String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    /** "1 place", "3 places". */
    public static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** One decimal as the service rounded it, or a dash where there is no percentage (nobody on roll). */
    public static String percent(BigDecimal percent) {
        return percent == null ? "–" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Hours without trailing zeros: 30, 1.5. */
    public static String hours(BigDecimal hours) {
        if (hours == null) {
            return "0";
        }
        BigDecimal plain = hours.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private static String label(Map<String, String> labels, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "";
        }
        String key = code.toString();
        String words = labels.get(key);
        if (words != null) {
            return words;
        }
        String text = key.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
