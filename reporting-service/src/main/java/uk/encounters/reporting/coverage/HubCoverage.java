package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hub's schools and, per benchmark, the share of schools fully achieving it among those for which it is
 * applicable (the figure CEC and councils publish); the percentages are null when it applies to no school.
 */
public record HubCoverage(String hubId, String academicYear, LocalDate asOf, Instant knownAt,
                          List<SchoolSummary> schools, BigDecimal schoolsFullyAchievingGb5Percent,
                          BigDecimal schoolsFullyAchievingGb6Percent, Share gb5, Share gb6) {

    public HubCoverage {
        schools = List.copyOf(schools);
    }

    /** Schools for which a benchmark is applicable, and how many of them fully achieve it. */
    public record Share(int applicableSchools, int fullyAchievingSchools, BigDecimal percent) {
    }
}
