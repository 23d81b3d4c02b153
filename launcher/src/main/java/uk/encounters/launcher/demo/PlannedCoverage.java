package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;

/**
 * The coverage the plan should produce, worked out from the plan alone with DOMAIN.md's rules (simplified: a
 * college's second encounter is not checked for its curriculum link). For the load's summary and for tests; the
 * reporting-service's figures are the real ones.
 */
public final class PlannedCoverage {

    private PlannedCoverage() {
    }

    /** Share (0-1) of the school's pupils on roll on {@code asOf} who met GB5 in that date's academic year. */
    public static double gb5(DemoPlan plan, SchoolPlan school, LocalDate asOf) {
        String year = AcademicYears.containing(asOf);
        Map<String, Integer> counts = counts(plan, school, Benchmark.GB5, asOf, year);
        int required = school.isCollege() ? 2 : 1;
        List<PupilPlan> onRoll = school.pupils().stream().filter(p -> p.onRoll(asOf)).filter(p -> {
            int group = p.yearGroupIn(AcademicYears.startYear(year), SchoolCalendar.academicYearStart(plan.today()));
            return group >= 7 && group <= 13;
        }).toList();
        return share(onRoll.stream().filter(p -> counts.getOrDefault(p.upn(), 0) >= required).count(), onRoll.size());
    }

    /**
     * Share of the school's pupils in {@code yearGroup} now (11: GB6 by 16; 13: by 18) on roll on {@code asOf} with a
     * meaningful GB6 experience by then, in any academic year.
     */
    public static double gb6(DemoPlan plan, SchoolPlan school, int yearGroup, LocalDate asOf) {
        Map<String, Integer> counts = counts(plan, school, Benchmark.GB6, asOf, null);
        List<PupilPlan> cohort = school.pupils().stream()
                .filter(p -> p.yearGroup() == yearGroup && p.onRoll(asOf)).toList();
        return share(cohort.stream().filter(p -> counts.containsKey(p.upn())).count(), cohort.size());
    }

    private static Map<String, Integer> counts(DemoPlan plan, SchoolPlan school, Benchmark benchmark, LocalDate asOf,
                                               String academicYear) {
        Map<String, Integer> counts = new HashMap<>();
        plan.encounters().stream()
                .filter(e -> e.schoolId().equals(school.schoolId()))
                .filter(e -> !e.date().isAfter(asOf))
                .filter(e -> academicYear == null || e.academicYear().equals(academicYear))
                .filter(e -> e.counts(benchmark))
                .forEach(e -> e.finalAttendees().forEach(upn -> counts.merge(upn, 1, Integer::sum)));
        return counts;
    }

    private static double share(long met, int of) {
        return of == 0 ? Double.NaN : (double) met / of;
    }
}
