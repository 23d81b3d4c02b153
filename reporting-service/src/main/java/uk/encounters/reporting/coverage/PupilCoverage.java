package uk.encounters.reporting.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.school.SchoolType;

/**
 * One pupil's coverage on {@code asOf}: GB5 per academic year on the roll, GB6 by 16 and by 18 (by 16 is null for a
 * college's learners, who are measured by 18 only) and work-experience hours.
 */
public record PupilCoverage(String pupilId, String schoolId, SchoolType schoolType, LocalDate asOf, Instant knownAt,
                            List<PupilYear> years, Gb6Progress gb6By16, Gb6Progress gb6By18,
                            WorkExperienceHours workExperienceHours) {

    public PupilCoverage {
        years = List.copyOf(years);
    }
}
