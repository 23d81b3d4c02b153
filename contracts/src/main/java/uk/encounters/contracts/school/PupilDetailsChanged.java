package uk.encounters.contracts.school;

/**
 * A roll upload changed a pupil's coverage-relevant attributes; carries all of them as they now stand for the
 * academic year, so a consumer replaces rather than patches.
 */
public record PupilDetailsChanged(String pupilId, String schoolId, String academicYear, int yearGroup, Sen sen,
                                  boolean pupilPremium, Gender gender, String curriculumArea)
        implements SchoolEvent {

    public PupilDetailsChanged {
        Copies.required(pupilId, "pupilId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
