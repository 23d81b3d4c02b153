package uk.encounters.school.roll;

import java.time.LocalDate;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/** A roll upload changed a pupil's coverage attributes; carries all of them as they now stand. */
public record PupilDetailsChanged(String schoolId, String pupilId, String academicYear, int yearGroup,
                                  LocalDate admissionDate, Sen sen, boolean pupilPremium, Gender gender,
                                  String curriculumArea) implements RollEvent {
}
