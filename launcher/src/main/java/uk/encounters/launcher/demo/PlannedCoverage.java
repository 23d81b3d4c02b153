package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Share of the school's pupils in {@code yearGroup} (11: GB6 by 16; 13: by 18) in {@code asOf}'s academic year
     * and on roll that day with a meaningful GB6 experience by then while in Years 7-11 (by 16) or 12-13 (by 18).
     */
    public static double gb6(DemoPlan plan, SchoolPlan school, int yearGroup, LocalDate asOf) {
        int startYear = SchoolCalendar.academicYearStart(asOf);
        Map<String, PupilPlan> cohort = new HashMap<>();
        school.pupils().stream().filter(p -> p.onRoll(asOf) && school.yearGroupIn(p, startYear) == yearGroup)
                .forEach(p -> cohort.put(p.upn(), p));
        Set<String> met = new HashSet<>();
        plan.encounters().stream()
                .filter(e -> e.schoolId().equals(school.schoolId()) && !e.date().isAfter(asOf))
                .filter(e -> e.counts(Benchmark.GB6))
                .forEach(e -> e.finalAttendees().stream().filter(cohort::containsKey).forEach(upn -> {
                    int then = school.yearGroupIn(cohort.get(upn), SchoolCalendar.academicYearStart(e.date()));
                    if (yearGroup <= 11 ? then <= 11 : then >= 12) {
                        met.add(upn);
                    }
                }));
        return share(met.size(), cohort.size());
    }

    /** DOMAIN.md's "fully achieves GB5" on {@code asOf}: everyone on roll in Years 7-13 has met it. */
    public static boolean fullyAchievesGb5(DemoPlan plan, SchoolPlan school, LocalDate asOf) {
        return gb5(plan, school, asOf) == 1.0;
    }

    /**
     * DOMAIN.md's "fully achieves GB6" on {@code asOf}: everyone in Year 11 has met it by 16 and everyone in Year 13
     * by 18 (colleges: by 18 only); a year group with nobody on roll does not count against the school.
     */
    public static boolean fullyAchievesGb6(DemoPlan plan, SchoolPlan school, LocalDate asOf) {
        double by16 = school.isCollege() ? Double.NaN : gb6(plan, school, 11, asOf);
        double by18 = gb6(plan, school, 13, asOf);
        return (Double.isNaN(by16) || by16 == 1.0) && (Double.isNaN(by18) || by18 == 1.0)
                && !(Double.isNaN(by16) && Double.isNaN(by18));
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
