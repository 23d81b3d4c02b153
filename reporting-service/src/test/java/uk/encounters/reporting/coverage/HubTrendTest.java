package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.SchoolType;

/** A hub's trend: which dates it has, and that each point is its hub report summed over the schools. */
class HubTrendTest {

    private static final LocalDate SEP_2025 = LocalDate.of(2025, 9, 1);

    @Test
    void inAMonthNotOverTheLastPointIsToday() {
        assertThat(HubTrend.dates("2026/27", LocalDate.of(2027, 3, 15))).containsExactly(
                LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 3, 15));
    }

    @Test
    void onAMonthEndTheLastPointIsThatMonthEnd() {
        assertThat(HubTrend.dates("2026/27", LocalDate.of(2026, 10, 31)))
                .containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31));
    }

    @Test
    void onTheFirstDayOfTheYearTodayIsTheOnlyPoint() {
        assertThat(HubTrend.dates("2026/27", LocalDate.of(2026, 9, 1))).containsExactly(LocalDate.of(2026, 9, 1));
    }

    @Test
    void aFinishedYearHasEveryMonthEndTo31August() {
        List<LocalDate> dates = HubTrend.dates("2027/28", LocalDate.of(2028, 8, 31));

        assertThat(dates).hasSize(12).startsWith(LocalDate.of(2027, 9, 30)).endsWith(LocalDate.of(2028, 8, 31))
                .contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aDateOutsideTheYearIsRefused() {
        assertThatThrownBy(() -> HubTrend.dates("2026/27", LocalDate.of(2027, 9, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * s: a school with Year 11 s11 (a visit in October, a careers talk in November) and Year 13 s13; c: a college
     * with Year 13 c13. On 31 October: GB5 0 of 3; by 16 1 of 1 (the college has no by-16 figure); by 18 0 of 2.
     * On 30 November GB5 is 1 of 3.
     */
    @Test
    void eachPointSumsTheSchoolsFiguresOfTheHubReportOnItsDate() {
        History history = new History()
                .school("s", SchoolType.SCHOOL, "h1").school("c", SchoolType.COLLEGE, "h1")
                .school("elsewhere", SchoolType.SCHOOL, "h2")
                .enrol("s11", "s", "2025/26", 11, SEP_2025).enrol("s13", "s", "2025/26", 13, SEP_2025)
                .enrol("c13", "c", "2025/26", 13, SEP_2025).enrol("x11", "elsewhere", "2025/26", 11, SEP_2025)
                .visit("v", "s", LocalDate.of(2025, 10, 2), "s11")
                .talk("t", "s", LocalDate.of(2025, 11, 2), "s11");
        Coverage coverage = history.coverage();
        List<HubCoverage> reports = List.of(coverage.hub("h1", LocalDate.of(2025, 10, 31)),
                coverage.hub("h1", LocalDate.of(2025, 11, 30)));

        HubTrend trend = HubTrend.of("h1", "2025/26", null, reports);

        HubTrend.Point october = trend.points().getFirst();
        assertThat(october.asOf()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(october.schools()).isEqualTo(2);
        assertThat(october.gb5()).isEqualTo(new HubTrend.Total(3, 0, new BigDecimal("0.0")));
        assertThat(october.gb6By16()).isEqualTo(new HubTrend.Total(1, 1, new BigDecimal("100.0")));
        assertThat(october.gb6By18()).isEqualTo(new HubTrend.Total(2, 0, new BigDecimal("0.0")));
        assertThat(october.schoolsFullyAchievingGb5Percent())
                .isEqualTo(reports.getFirst().schoolsFullyAchievingGb5Percent());
        assertThat(october.schoolsFullyAchievingGb6Percent())
                .isEqualTo(reports.getFirst().schoolsFullyAchievingGb6Percent());
        assertThat(trend.points().get(1).gb5()).isEqualTo(new HubTrend.Total(3, 1, new BigDecimal("33.3")));
    }

    @Test
    void aHubWithNobodyOnRollHasNullPercentages() {
        HubCoverage report = new History().school("s", SchoolType.SCHOOL, "h1").coverage()
                .hub("h1", LocalDate.of(2025, 9, 30));

        HubTrend.Point point = HubTrend.of("h1", "2025/26", null, List.of(report)).points().getFirst();

        assertThat(point.gb5()).isEqualTo(new HubTrend.Total(0, 0, null));
        assertThat(point.schoolsFullyAchievingGb5Percent()).isNull();
    }
}
