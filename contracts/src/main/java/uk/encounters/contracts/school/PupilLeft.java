package uk.encounters.contracts.school;

import java.time.LocalDate;

/** A pupil left the roll; they stay in the figures of dates up to and including the leaving date. */
public record PupilLeft(String pupilId, String schoolId, String academicYear, LocalDate leavingDate)
        implements SchoolEvent {

    public PupilLeft {
        Copies.required(pupilId, "pupilId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
