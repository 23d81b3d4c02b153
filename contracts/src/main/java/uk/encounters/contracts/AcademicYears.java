package uk.encounters.contracts;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Academic years travel as strings written {@code 2026/27} (1 September 2026 to 31 August 2027), the form people
 * read and the API uses; these helpers keep every service computing them the same way.
 */
public final class AcademicYears {

    private static final Pattern FORM = Pattern.compile("(\\d{4})/(\\d{2})");

    private AcademicYears() {
    }

    /** The academic year containing the date. */
    public static String containing(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return of(start);
    }

    /** The academic year starting in September of the given year. */
    public static String of(int startYear) {
        return "%d/%02d".formatted(startYear, (startYear + 1) % 100);
    }

    public static int startYear(String academicYear) {
        Matcher m = academicYear == null ? null : FORM.matcher(academicYear);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("academic year must be written like 2026/27: " + academicYear);
        }
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("academic year must span consecutive years: " + academicYear);
        }
        return start;
    }

    public static LocalDate firstDay(String academicYear) {
        return LocalDate.of(startYear(academicYear), 9, 1);
    }

    public static LocalDate lastDay(String academicYear) {
        return LocalDate.of(startYear(academicYear) + 1, 8, 31);
    }
}
