package uk.encounters.contracts.school;

import java.time.LocalDate;

/**
 * A pupil appeared on a school's roll. Only what coverage breakdowns need leaves the school service: the id is
 * opaque, and names, dates of birth and UPNs never travel.
 *
 * @param academicYear   the roll's academic year, written {@code 2026/27}
 * @param yearGroup      the year group recorded for that academic year (7-13)
 * @param curriculumArea the learner's curriculum area (colleges); null where none is recorded
 */
public record PupilEnrolled(String pupilId, String schoolId, String academicYear, int yearGroup,
                            LocalDate admissionDate, Sen sen, boolean pupilPremium, Gender gender,
                            String curriculumArea) implements SchoolEvent {

    public PupilEnrolled {
        Copies.required(pupilId, "pupilId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
