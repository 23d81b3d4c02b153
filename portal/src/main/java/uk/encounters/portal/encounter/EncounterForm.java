package uk.encounters.portal.encounter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.contracts.FrameworkVersion;

/**
 * What the careers leader entered on the record-an-encounter form, kept as entered so a refused form comes back with
 * every choice (the ticked pupils and checklist items too); encounter-service decides what is valid.
 *
 * @param checklist the codes of the items ticked
 */
public record EncounterForm(String employerId, String shoutOutId, String offerId, String activityType,
                            List<String> benchmarks, String date, String hours, String mode, String location,
                            String curriculumArea, List<String> attendees, List<String> checklist) {

    public EncounterForm {
        benchmarks = benchmarks == null ? List.of() : benchmarks;
        attendees = attendees == null ? List.of() : attendees;
        checklist = checklist == null ? List.of() : checklist;
    }

    public boolean hasBenchmark(String benchmark) {
        return benchmarks.contains(benchmark);
    }

    /** The date as a date, if it is one. */
    Optional<LocalDate> day() {
        try {
            return date == null || date.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The body of {@code POST /api/v1/encounters}. Every item of the date's framework is answered, true where ticked
     * and false otherwise, so the record says what was not met as well; a tick left from another framework's list
     * (the date changed without the page reloading its checklist) is dropped, since the service would refuse it.
     * Hours that are not a number go as typed, so encounter-service names the field.
     *
     * @param college whether the curriculum area applies (colleges only)
     */
    Map<String, Object> body(String schoolId, boolean college) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", schoolId);
        body.put("employerId", blankToNull(employerId));
        body.put("shoutOutId", blankToNull(shoutOutId));
        body.put("offerId", blankToNull(offerId));
        body.put("activityType", blankToNull(activityType));
        body.put("benchmarks", benchmarks);
        body.put("date", blankToNull(date));
        body.put("hours", hoursValue());
        body.put("mode", blankToNull(mode));
        body.put("location", blankToNull(location));
        if (college) {
            body.put("curriculumArea", blankToNull(curriculumArea));
        }
        body.put("attendees", attendees);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        day().map(ChecklistGuide::frameworkOn).ifPresentOrElse(
                framework -> ChecklistGuide.items(framework, checklist)
                        .forEach(item -> answers.put(item.code(), item.ticked())),
                () -> checklist.forEach(code -> answers.put(code, true)));
        body.put("checklist", answers);
        return body;
    }

    /** The framework the checklist is shown for: the date's, or today's while the date is not a date. */
    FrameworkVersion framework(LocalDate today) {
        return ChecklistGuide.frameworkOn(day().orElse(today));
    }

    private Object hoursValue() {
        if (hours == null || hours.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(hours.strip());
        } catch (NumberFormatException e) {
            return hours.strip();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
