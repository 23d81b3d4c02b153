package uk.encounters.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;

/**
 * The words people read for the platform's codes (activity types, delivery modes, employer sizes, benchmarks) and
 * its dates, written the English way ("14 March 2027"). Templates call it as {@code @encounterWording}; a code the
 * portal does not know yet is shown as the service wrote it rather than hidden.
 */
@Component("encounterWording")
public class EncounterWording {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private static final Map<String, String> ACTIVITIES = Map.ofEntries(
            Map.entry("CAREERS_TALK", "Careers talk or visiting speaker"),
            Map.entry("CAREERS_FAIR", "Careers fair"),
            Map.entry("MENTORING", "Mentoring or e-mentoring"),
            Map.entry("ENTERPRISE_CHALLENGE", "Enterprise challenge or competition"),
            Map.entry("MOCK_INTERVIEWS", "Mock interviews"),
            Map.entry("CV_WORKSHOP", "CV and skills workshop"),
            Map.entry("WORKPLACE_VISIT", "Workplace visit or tour"),
            Map.entry("TECHNICAL_DEMONSTRATION", "Technical demonstration at the workplace"),
            Map.entry("WORK_SHADOWING", "Work shadowing"),
            Map.entry("WORK_EXPERIENCE_PLACEMENT", "Work-experience placement"),
            Map.entry("VIRTUAL_WORK_EXPERIENCE", "Virtual work experience"),
            Map.entry("T_LEVEL_INDUSTRY_PLACEMENT", "T Level industry placement"),
            Map.entry("SUPPORTED_INTERNSHIP", "Supported internship (SEND)"));
    private static final Map<String, String> MODES = Map.of(
            "IN_PERSON", "In person", "VIRTUAL", "Virtual", "HYBRID", "Hybrid");
    private static final Map<String, String> SIZES = Map.of(
            "SELF_EMPLOYED", "Self-employed", "MICRO", "Micro (1 to 9 staff)", "SMALL", "Small (10 to 49 staff)",
            "MEDIUM", "Medium (50 to 249 staff)", "LARGE", "Large (250 or more staff)");
    private static final Map<Benchmark, String> BENCHMARK_GROUPS = Map.of(
            Benchmark.GB5, "Encounters with employers (GB5)", Benchmark.GB6, "Experiences of workplaces (GB6)");
    private static final Map<String, String> BENCHMARKS = Map.of(
            "GB5", "GB5 Encounters with employers and employees", "GB6", "GB6 Experiences of workplaces");

    public static String activityLabel(Object code) {
        return label(ACTIVITIES, code);
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

    public String activity(Object code) {
        return activityLabel(code);
    }

    public String mode(Object code) {
        return label(MODES, code);
    }

    public String employerSize(Object code) {
        return label(SIZES, code);
    }

    public String benchmark(Object code) {
        return label(BENCHMARKS, code);
    }

    /** "14 March 2027", from a date or its ISO text; empty for none. */
    public String date(Object value) {
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

    /** "14 March 2027 at 10:32", in England's time. */
    public String dateTime(Object value) {
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

    private static String label(Map<String, String> labels, Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return labels.getOrDefault(key, key);
    }
}
