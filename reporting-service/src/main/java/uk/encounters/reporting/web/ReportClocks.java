package uk.encounters.reporting.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.reporting.coverage.Coverage;

/**
 * The two clocks of a report request, read from its parameters.
 * <p>
 * {@code asOf} defaults to today in England. {@code academicYear} (2026/27 or 2026-27) defaults to the year containing
 * {@code asOf}. When both are given the engine's {@link Coverage#reportDate} decides: a date after the year is
 * described as the year ended (31 August); a date before the year began is rejected with 422, since nothing of that
 * year can be reported on it. An unreadable parameter is a 400 naming it.
 *
 * @param asOf    the date described, already inside {@code academicYear}
 * @param knownAt the moment whose knowledge is reported; null for everything recorded
 */
record ReportClocks(String academicYear, LocalDate asOf, Instant knownAt) {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    static ReportClocks of(String academicYear, String asOf, String knownAt, Clock clock) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock.withZone(ENGLAND)) : date(asOf);
        Instant known = knownAt(knownAt);
        if (academicYear == null || academicYear.isBlank()) {
            return new ReportClocks(AcademicYears.containing(date), date, known);
        }
        String year = academicYear(academicYear);
        try {
            return new ReportClocks(year, Coverage.reportDate(year, date), known);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("asOf", e.getMessage());
        }
    }

    /**
     * The clocks of a report on a whole academic year (a trend, a year's engagement), which take no {@code asOf}:
     * {@code academicYear} defaults to the year containing today, and {@code asOf} is today, or the year's last day
     * once it is over. A year that has not begun is a 422 naming {@code academicYear}.
     */
    static ReportClocks ofYear(String academicYear, String knownAt, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
        Instant known = knownAt(knownAt);
        String year = academicYear == null || academicYear.isBlank() ? AcademicYears.containing(today)
                : academicYear(academicYear);
        if (today.isBefore(AcademicYears.firstDay(year))) {
            throw ProblemException.unprocessable("academicYear", "The academic year " + year
                    + " has not begun yet; it begins on " + AcademicYears.firstDay(year) + ".");
        }
        return new ReportClocks(year, Coverage.reportDate(year, today), known);
    }

    static String academicYear(String value) {
        String normalised = value.strip().replace('-', '/');
        try {
            AcademicYears.startYear(normalised);
            return normalised;
        } catch (IllegalArgumentException e) {
            throw badRequest("academicYear", "academicYear is written like 2026/27 or 2026-27, got '" + value + "'.");
        }
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw badRequest("asOf", "asOf is a date like 2027-03-31, got '" + value + "'.");
        }
    }

    /** Null (everything recorded) when not given. */
    private static Instant knownAt(String value) {
        return value == null || value.isBlank() ? null : instant(value);
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw badRequest("knownAt", "knownAt is an instant like 2027-03-31T12:00:00Z, got '" + value + "'.");
        }
    }

    static ProblemException badRequest(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, message,
                List.of(new ProblemException.FieldError(field, message)));
    }
}
