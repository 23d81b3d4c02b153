package uk.encounters.school.roll;

import java.time.LocalDate;

/** A pupil left the roll; they count as on roll up to and including the leaving date. */
public record PupilLeft(String schoolId, String pupilId, String academicYear, LocalDate leavingDate)
        implements RollEvent {
}
