package uk.encounters.reporting.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.school.SchoolType;

/**
 * A school's coverage on {@code asOf}: the headline measures (GB5 over Years 7-13, GB6 by 16 on Year 11, by 18 on
 * Year 13; a college has no by-16 measure, so it is null), whether the school fully achieves each benchmark (null
 * where no pupil makes it applicable), per year group figures, breakdowns and the at-risk lists.
 */
public record SchoolCoverage(String schoolId, SchoolType type, String academicYear, LocalDate asOf,
                             Instant knownAt, FrameworkVersion framework, Figure gb5, Figure gb6By16,
                             Figure gb6By18, Boolean gb5FullyAchieved, Boolean gb6FullyAchieved,
                             List<YearGroupCoverage> yearGroups, Breakdowns breakdowns,
                             Map<Measure, List<AtRiskPupil>> atRisk) {

    public SchoolCoverage {
        yearGroups = List.copyOf(yearGroups);
        atRisk = Map.copyOf(atRisk);
    }

    /** The school's figures without its named pupils (the at-risk lists), for readers outside the school. */
    public SchoolCoverage withoutPupils() {
        return new SchoolCoverage(schoolId, type, academicYear, asOf, knownAt, framework, gb5, gb6By16, gb6By18,
                gb5FullyAchieved, gb6FullyAchieved, yearGroups, breakdowns, Map.of());
    }

    /** The line a hub report shows for this school. */
    public SchoolSummary summary() {
        return new SchoolSummary(schoolId, type, gb5, gb6By16, gb6By18, gb5FullyAchieved, gb6FullyAchieved);
    }
}
