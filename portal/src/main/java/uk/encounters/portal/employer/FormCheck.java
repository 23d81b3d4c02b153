package uk.encounters.portal.employer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.ApiProblem.FieldProblem;

/**
 * The few things the portal checks itself before calling a service: values that cannot even be put into the request
 * (a date that is not a date). Everything else is the service's to judge. Problems come out as an {@link ApiProblem},
 * so a form shows them exactly as it shows the service's.
 */
final class FormCheck {

    /** What a browser without a date picker lets people type. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The date, or null when blank (the service then says it is missing) or not a date (a problem here). */
    LocalDate date(String field, String value) {
        if (Fields.blank(value)) {
            return null;
        }
        String typed = value.strip();
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(typed, TYPED);
            } catch (DateTimeParseException notTyped) {
                problems.add(new FieldProblem(field, "Enter a real date, like 14/03/2027."));
                return null;
            }
        }
    }

    /** The whole number, or null when blank or not one (then a problem). */
    Integer number(String field, String value, String what) {
        if (Fields.blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, what + " is a whole number, like 12."));
            return null;
        }
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "Unprocessable Content", problems.getFirst().message(), problems);
        }
    }
}
