package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import uk.encounters.contracts.AcademicYears;

/**
 * A hub's coverage through an academic year, one point per month end: each point is the hub's report on that date
 * ({@link HubCoverage}) summed over its schools, so a point equals the hub report asked with the same {@code asOf}.
 */
public record HubTrend(String hubId, String academicYear, Instant knownAt, List<Point> points) {

    public HubTrend {
        points = List.copyOf(points);
    }

    /**
     * The hub on one date. Pupil figures are the schools' figures summed (met over on roll, percentage as a school's);
     * a college has no by-16 figure and adds nothing to it.
     *
     * @param schools the schools in the hub's report on that date
     */
    public record Point(LocalDate asOf, Total gb5, Total gb6By16, Total gb6By18,
                        BigDecimal schoolsFullyAchievingGb5Percent, BigDecimal schoolsFullyAchievingGb6Percent,
                        int schools) {
    }

    /** Pupils on roll across the hub's schools for a measure and how many met it; percent null with nobody on roll. */
    public record Total(int onRoll, int met, BigDecimal percent) {
    }

    /**
     * The dates of a trend: the end of every month from September to the one containing {@code lastDate}, which
     * replaces the end of its month (today, in a month not over; 31 August for a finished year).
     *
     * @param lastDate a date of the academic year, from {@link Coverage#reportDate}
     */
    public static List<LocalDate> dates(String academicYear, LocalDate lastDate) {
        if (!AcademicYears.containing(lastDate).equals(academicYear)) {
            throw new IllegalArgumentException(lastDate + " is not in the academic year " + academicYear);
        }
        List<LocalDate> dates = new ArrayList<>();
        YearMonth last = YearMonth.from(lastDate);
        for (YearMonth month = YearMonth.from(AcademicYears.firstDay(academicYear)); month.isBefore(last);
                month = month.plusMonths(1)) {
            dates.add(month.atEndOfMonth());
        }
        dates.add(lastDate);
        return dates;
    }

    /** @param reports the hub's reports, one per point, in date order */
    public static HubTrend of(String hubId, String academicYear, Instant knownAt, List<HubCoverage> reports) {
        return new HubTrend(hubId, academicYear, knownAt, reports.stream().map(HubTrend::point).toList());
    }

    private static Point point(HubCoverage report) {
        return new Point(report.asOf(), total(report, SchoolSummary::gb5), total(report, SchoolSummary::gb6By16),
                total(report, SchoolSummary::gb6By18), report.schoolsFullyAchievingGb5Percent(),
                report.schoolsFullyAchievingGb6Percent(), report.schools().size());
    }

    private static Total total(HubCoverage report, Function<SchoolSummary, Figure> measure) {
        int onRoll = 0;
        int met = 0;
        for (SchoolSummary school : report.schools()) {
            Figure figure = measure.apply(school);
            if (figure != null) {
                onRoll += figure.onRoll();
                met += figure.met();
            }
        }
        return new Total(onRoll, met, Figure.percent(met, onRoll));
    }
}
