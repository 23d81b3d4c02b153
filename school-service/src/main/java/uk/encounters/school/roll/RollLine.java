package uk.encounters.school.roll;

import java.time.LocalDate;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/**
 * One valid pupil line of a roll file. Holds a child's personal data, so it never leaves this service's request
 * handling and personal store, and its {@code toString} names the line only: an accidental log line or exception
 * message must not carry a name, date of birth or UPN.
 *
 * @param curriculumArea null where the file has none
 * @param leavingDate    null where the pupil has not left
 */
record RollLine(int line, String upn, String forename, String surname, LocalDate dateOfBirth, int yearGroup,
                Gender gender, Sen sen, boolean pupilPremium, LocalDate admissionDate, LocalDate leavingDate,
                String curriculumArea) {

    @Override
    public String toString() {
        return "RollLine[line " + line + "]";
    }
}
