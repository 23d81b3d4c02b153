package uk.encounters.launcher.demo;

import java.time.LocalDate;

/**
 * One fictional pupil as the school's MIS would export them for the current academic year.
 *
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

    /** The year group in the academic year starting in September of {@code startYear}, from this year's. */
    public int yearGroupIn(int startYear, int currentStartYear) {
        return yearGroup - (currentStartYear - startYear);
    }
}
