package uk.encounters.launcher.demo;

import java.time.LocalDate;

/**
 * One fictional pupil who was on the school's roll at some time in the years the demo covers, as the school's MIS
 * knows them.
 *
 * @param yearGroup     the year group in the current academic year, counted on for pupils who have left: a Year 11
 *                      who left an 11-16 school last summer is "Year 12" here, a Year 13 who left two summers ago
 *                      "Year 15"; {@link #yearGroupIn} gives the year group of any academic year
 * @param gender        F, M, O or U, as the roll's CSV writes it
 * @param sen           N, K or E
 * @param leavingDate   null while on roll
 * @param curriculumArea colleges only; may be null there too
 */
public record PupilPlan(String upn, String forename, String surname, LocalDate dateOfBirth, int yearGroup,
                        String gender, String sen, boolean pupilPremium, LocalDate admissionDate, LocalDate leavingDate,
                        String curriculumArea) {

    /** DOMAIN.md: on roll on D when admitted by D and not left before D (the leaving day itself counts). */
    public boolean onRoll(LocalDate date) {
        return !admissionDate.isAfter(date) && (leavingDate == null || !date.isAfter(leavingDate));
    }

    /** Whether on roll on any day of the academic year starting in September of {@code startYear}. */
    public boolean onRollIn(int startYear) {
        return !admissionDate.isAfter(LocalDate.of(startYear + 1, 8, 31))
                && (leavingDate == null || !leavingDate.isBefore(LocalDate.of(startYear, 9, 1)));
    }

    PupilPlan leaving(LocalDate date) {
        return new PupilPlan(upn, forename, surname, dateOfBirth, yearGroup, gender, sen, pupilPremium, admissionDate,
                date, curriculumArea);
    }

    /** The year group in the academic year starting in September of {@code startYear}, from this year's. */
    public int yearGroupIn(int startYear, int currentStartYear) {
        return yearGroup - (currentStartYear - startYear);
    }
}
