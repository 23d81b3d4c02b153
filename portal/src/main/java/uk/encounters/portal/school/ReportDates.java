package uk.encounters.portal.school;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.contracts.AcademicYears;

/** The academic years and census dates the coverage pages offer, in England's time. */
final class ReportDates {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** Earlier years stay reportable (a self-assessment looks back); five are plenty to choose from. */
    private static final int YEARS_OFFERED = 5;
    /** As school-service's roll: a new roll's first upload may be for any of the six years before this one. */
    private static final int ROLL_HISTORY_YEARS = 6;

    /** A choice of academic year: the value as URLs write it (2026-27), the label as people read it (2026/27). */
    record Choice(String value, String label, boolean selected) {
    }

    private ReportDates() {
    }

    static LocalDate today() {
        return LocalDate.now(ENGLAND);
    }

    /** The academic year in {@code 2026/27} form, or null where it is blank or not an academic year. */
    static String normalise(String academicYear) {
        if (academicYear == null || academicYear.isBlank()) {
            return null;
        }
        String year = academicYear.strip().replace('-', '/');
        try {
            AcademicYears.startYear(year);
            return year;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How the portal's links write an academic year: no slash to escape. */
    static String forUrl(String academicYear) {
        return academicYear == null ? null : academicYear.replace('/', '-');
    }

    /** The year a report describes: the one asked for, else the one containing the date asked for, else today's. */
    static String reportedYear(String academicYear, String asOf, LocalDate today) {
        String asked = normalise(academicYear);
        if (asked != null) {
            return asked;
        }
        try {
            return AcademicYears.containing(asOf == null || asOf.isBlank() ? today : LocalDate.parse(asOf.strip()));
        } catch (java.time.DateTimeException e) {
            return AcademicYears.containing(today);
        }
    }

    /** This academic year and the ones before it, newest first; a selected older year is added. */
    static List<Choice> academicYears(String selected, LocalDate today) {
        String chosen = normalise(selected);
        int current = AcademicYears.startYear(AcademicYears.containing(today));
        List<Choice> choices = new ArrayList<>();
        for (int start = current; start > current - YEARS_OFFERED; start--) {
            choices.add(choice(AcademicYears.of(start), chosen));
        }
        if (chosen != null && choices.stream().noneMatch(Choice::selected)) {
            choices.add(choice(chosen, chosen));
        }
        return choices;
    }

    /**
     * The years school-service takes a roll for, newest first: from the roll's own year to the next; while the
     * school has no roll yet, from six years back, so a school joining mid-year can bring its history oldest first.
     *
     * @param rollYear the year the school's roll is in, or null while it has none
     */
    static List<Choice> rollYears(String selected, LocalDate today, String rollYear) {
        int current = AcademicYears.startYear(AcademicYears.containing(today));
        int earliest = rollYear == null ? current - ROLL_HISTORY_YEARS : AcademicYears.startYear(rollYear);
        String chosen = normalise(selected) == null ? AcademicYears.of(Math.max(current, earliest))
                : normalise(selected);
        List<Choice> choices = new ArrayList<>();
        for (int start = current + 1; start >= earliest; start--) {
            choices.add(choice(AcademicYears.of(start), chosen));
        }
        return choices;
    }

    /**
     * The census dates of an academic year: the Careers and Enterprise Company's snapshots on 31 December, 31 March
     * and 31 July (DOMAIN.md, "Two clocks"). 31 July closes the teaching year, so it is also the date on which Year
     * 11's "by 16" and Year 13's "by 18" are settled.
     */
    static List<LocalDate> census(String academicYear) {
        int start = AcademicYears.startYear(academicYear);
        return List.of(LocalDate.of(start, 12, 31), LocalDate.of(start + 1, 3, 31), LocalDate.of(start + 1, 7, 31));
    }

    private static Choice choice(String academicYear, String chosen) {
        return new Choice(forUrl(academicYear), academicYear, academicYear.equals(chosen));
    }
}
