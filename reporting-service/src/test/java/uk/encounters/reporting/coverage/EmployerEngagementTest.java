package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.school.SchoolType;

/** A school's standing encounters of a year, and the hub's engagement counted from them. */
class EmployerEngagementTest {

    private static final LocalDate SEP_2025 = LocalDate.of(2025, 9, 1);

    @Test
    void onlyTheSchoolsStandingEncountersOfTheYearCountWithTheirLatestRegister() {
        History history = new History()
                .school("s", SchoolType.SCHOOL, "h1").school("other", SchoolType.SCHOOL, "h1")
                .enrol("p1", "s", "2025/26", 9, SEP_2025).enrol("p2", "s", "2025/26", 9, SEP_2025)
                .enrol("p3", "s", "2025/26", 9, SEP_2025)
                .employer("bank", "Finance", EmployerSize.SMALL)
                .talk("corrected", "s", LocalDate.of(2025, 10, 1), "p1", "p2", "p3")
                .correct("corrected", "s", "p1", "p2")
                .talk("withdrawn", "s", LocalDate.of(2025, 10, 2), "p1")
                .withdraw("withdrawn", "s")
                .talk("last-year", "s", LocalDate.of(2025, 8, 31), "p1")
                .employer("trust", "Health", EmployerSize.LARGE)
                .visit("visit", "s", LocalDate.of(2026, 8, 31), "p3")
                .talk("other-school", "other", LocalDate.of(2025, 10, 1), "p1");

        List<EmployerEngagement.Counted> counted = history.coverage().engagement("s", "2025/26");

        assertThat(counted).containsExactlyInAnyOrder(new EmployerEngagement.Counted("Finance", EmployerSize.SMALL, 2),
                new EmployerEngagement.Counted("Health", EmployerSize.LARGE, 1));
    }

    @Test
    void sectorsByEncountersThenNameAndEverySizeInOrder() {
        EmployerEngagement engagement = EmployerEngagement.of("h1", "2025/26", null, List.of(
                new EmployerEngagement.Counted("Retail", EmployerSize.MICRO, 4),
                new EmployerEngagement.Counted("Finance", EmployerSize.LARGE, 30),
                new EmployerEngagement.Counted("Health", EmployerSize.LARGE, 10),
                new EmployerEngagement.Counted("Health", EmployerSize.SELF_EMPLOYED, 1),
                new EmployerEngagement.Counted(null, null, 2)));

        assertThat(engagement.encounters()).isEqualTo(5);
        assertThat(engagement.attendances()).isEqualTo(47);
        assertThat(engagement.bySector()).containsExactly(
                new EmployerEngagement.SectorCount("Health", 2, 11),
                new EmployerEngagement.SectorCount("Finance", 1, 30),
                new EmployerEngagement.SectorCount("Not recorded", 1, 2),
                new EmployerEngagement.SectorCount("Retail", 1, 4));
        assertThat(engagement.bySize()).containsExactly(
                new EmployerEngagement.SizeCount(EmployerSize.SELF_EMPLOYED, 1, 1),
                new EmployerEngagement.SizeCount(EmployerSize.MICRO, 1, 4),
                new EmployerEngagement.SizeCount(EmployerSize.SMALL, 0, 0),
                new EmployerEngagement.SizeCount(EmployerSize.MEDIUM, 0, 0),
                new EmployerEngagement.SizeCount(EmployerSize.LARGE, 2, 40));
    }

    @Test
    void noEncountersStillListsEverySize() {
        EmployerEngagement engagement = EmployerEngagement.of("h1", "2025/26", null, List.of());

        assertThat(engagement.bySector()).isEmpty();
        assertThat(engagement.bySize()).extracting(EmployerEngagement.SizeCount::size)
                .containsExactly(EmployerSize.values());
        assertThat(engagement.bySize()).allMatch(s -> s.encounters() == 0 && s.attendances() == 0);
    }
}
