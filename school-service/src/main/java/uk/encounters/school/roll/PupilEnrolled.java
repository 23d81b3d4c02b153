package uk.encounters.school.roll;

import java.time.LocalDate;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/** A pupil joined the roll, or joined it again after leaving. */
public record PupilEnrolled(String schoolId, String pupilId, String academicYear, int yearGroup,
                            LocalDate admissionDate, Sen sen, boolean pupilPremium, Gender gender,
                            String curriculumArea) implements RollEvent {
}
