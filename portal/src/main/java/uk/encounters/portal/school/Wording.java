package uk.encounters.portal.school;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the careers leader's coverage pages write dates, figures and the platform's codes, for templates
 * ({@code ${@schoolWording.date(d)}}). Fixed to en-GB whatever the browser asks for: the product is for English
 * schools and its dates read "14 March 2027".
 */
@Component("schoolWording")
public class Wording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

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
            Map.entry("SUPPORTED_INTERNSHIP", "Supported internship"));

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

    private static final Map<String, String> GROUPS = Map.of(
            "NONE", "No SEN",
            "SEN_SUPPORT", "SEN support",
            "EHC_PLAN", "EHC plan",
            "FEMALE", "Female",
            "MALE", "Male",
            "OTHER", "Other",
            "NOT_RECORDED", "Not recorded");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** One decimal as the service rounded it, or a dash where there is no percentage (nobody on roll). */
    public String percent(BigDecimal percent) {
        return percent == null ? "–" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Hours without trailing zeros: 30, 1.5. */
    public String hours(BigDecimal hours) {
        if (hours == null) {
            return "0";
        }
        BigDecimal plain = hours.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    public String activity(String code) {
        return code == null ? "Activity" : ACTIVITIES.getOrDefault(code, plain(code));
    }

    public String mode(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "IN_PERSON" -> "In person";
            case "VIRTUAL" -> "Virtual";
            case "HYBRID" -> "Hybrid";
            default -> plain(code);
        };
    }

    /** The benchmark framework an encounter was judged by. */
    public String framework(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "V2024" -> "2024 update";
            case "V2014" -> "2014 benchmarks";
            default -> code;
        };
    }

    public String item(String code) {
        return ITEMS.getOrDefault(code, plain(code));
    }

    /** A pupil group of the breakdowns (SEN status, gender), or a roll's SEN column. */
    public String group(String code) {
        return code == null ? "" : GROUPS.getOrDefault(code, plain(code));
    }

    public String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String plain(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
