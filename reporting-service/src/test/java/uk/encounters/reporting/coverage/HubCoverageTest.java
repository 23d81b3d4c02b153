package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.SchoolType;

/** A hub's share of schools fully achieving each benchmark, among the schools for which it is applicable. */
class HubCoverageTest {

    private static final LocalDate SEP_2025 = LocalDate.of(2025, 9, 1);
    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 3, 31);

    private final History history = new History();

    @Test
    void theShareOfSchoolsFullyAchievingCountsOnlySchoolsForWhichTheBenchmarkIsApplicable() {
        // a: both benchmarks fully achieved. b: Year 7 only, GB5 met, GB6 not applicable.
        // c: nobody on roll, neither applicable. d: Year 11 without GB5 or GB6.
        history.school("a", SchoolType.SCHOOL, "h1").school("b", SchoolType.SCHOOL, "h1")
                .school("c", SchoolType.SCHOOL, "h1").school("d", SchoolType.SCHOOL, "h1")
                .school("elsewhere", SchoolType.SCHOOL, "h2")
                .enrol("a11", "a", "2025/26", 11, SEP_2025).enrol("a13", "a", "2025/26", 13, SEP_2025)
                .talk("ta", "a", LocalDate.of(2025, 10, 1), "a11", "a13")
                .visit("va", "a", LocalDate.of(2025, 10, 2), "a11", "a13")
                .enrol("b7", "b", "2025/26", 7, SEP_2025)
                .talk("tb", "b", LocalDate.of(2025, 10, 1), "b7")
                .enrol("d11", "d", "2025/26", 11, SEP_2025)
                .enrol("x7", "elsewhere", "2025/26", 7, SEP_2025);

        HubCoverage hub = history.coverage().hub("h1", SNAPSHOT);

        assertThat(hub.schools()).extracting(SchoolSummary::schoolId).containsExactly("a", "b", "c", "d");
        assertThat(hub.gb5()).isEqualTo(new HubCoverage.Share(3, 2, new BigDecimal("66.7")));
        assertThat(hub.gb6()).isEqualTo(new HubCoverage.Share(2, 1, new BigDecimal("50.0")));
        assertThat(hub.schoolsFullyAchievingGb5Percent()).isEqualByComparingTo("66.7");
        assertThat(hub.schoolsFullyAchievingGb6Percent()).isEqualByComparingTo("50.0");
        assertThat(hub.academicYear()).isEqualTo("2025/26");
        SchoolSummary c = hub.schools().get(2);
        assertThat(c.gb5FullyAchieved()).isNull();
        assertThat(c.gb6FullyAchieved()).isNull();
        assertThat(hub.schools().get(0).gb5()).isEqualTo(new Figure(2, 2, new BigDecimal("100.0"), true));
    }

    @Test
    void aHubWhereNoSchoolHasApplicablePupilsHasNullShares() {
        history.school("a", SchoolType.SCHOOL, "h1");

        HubCoverage hub = history.coverage().hub("h1", SNAPSHOT);

        assertThat(hub.schoolsFullyAchievingGb5Percent()).isNull();
        assertThat(hub.schoolsFullyAchievingGb6Percent()).isNull();
        assertThat(hub.gb5()).isEqualTo(new HubCoverage.Share(0, 0, null));
    }

    @Test
    void aSchoolThatMovedHubCountsInItsNewHub() {
        history.school("a", SchoolType.SCHOOL, "h1")
                .enrol("a7", "a", "2025/26", 7, SEP_2025)
                .moveHub("a", "h1", "h2");

        assertThat(history.coverage().hub("h1", SNAPSHOT).schools()).isEmpty();
        assertThat(history.coverage().hub("h2", SNAPSHOT).schools()).extracting(SchoolSummary::schoolId)
                .containsExactly("a");
    }

    @Test
    void aHubReportKnownAtAnEarlierMomentHasTheSchoolsItHadThen() {
        history.school("a", SchoolType.SCHOOL, "h1").enrol("a7", "a", "2025/26", 7, SEP_2025);
        Instant issued = history.lastRecordedAt();
        history.moveHub("a", "h1", "h2");

        assertThat(history.coverageKnownAt(issued).hub("h1", SNAPSHOT).schools()).hasSize(1);
        assertThat(history.coverage().hub("h1", SNAPSHOT).schools()).isEmpty();
    }

    @Test
    void collegesCountForGb6OnTheirYear13Only() {
        history.school("c", SchoolType.COLLEGE, "h1")
                .enrol("l12", "c", "2025/26", 12, SEP_2025)
                .school("s", SchoolType.SCHOOL, "h1")
                .enrol("s11", "s", "2025/26", 11, SEP_2025)
                .visit("v", "s", LocalDate.of(2025, 10, 2), "s11");

        HubCoverage hub = history.coverage().hub("h1", SNAPSHOT);

        // The college has no Year 13 yet, so GB6 is not applicable to it.
        assertThat(hub.gb6()).isEqualTo(new HubCoverage.Share(1, 1, new BigDecimal("100.0")));
    }
}
