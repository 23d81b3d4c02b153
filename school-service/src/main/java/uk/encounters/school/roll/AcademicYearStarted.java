package uk.encounters.school.roll;

/**
 * The roll is now kept for this academic year. The first one a roll records has no previous year; later ones move
 * every pupil still on roll up one year group (the final year's pupils left just before, as {@link PupilLeft}).
 * Not published: consumers work out year groups in later years from (academic year, year group) themselves.
 */
public record AcademicYearStarted(String schoolId, String academicYear, String previousAcademicYear)
        implements RollEvent {
}
