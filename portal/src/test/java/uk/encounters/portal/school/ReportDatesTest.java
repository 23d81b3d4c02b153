package uk.encounters.portal.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportDatesTest {

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 24);

    @Test
    void aSchoolWithoutARollMayStartSixYearsBackAndThisYearIsChosen() {
        assertThat(ReportDates.rollYears(null, NOVEMBER, null))
                .extracting(c -> c.label() + (c.selected() ? " (chosen)" : ""))
                .containsExactly("2027/28", "2026/27 (chosen)", "2025/26", "2024/25", "2023/24", "2022/23", "2021/22",
                        "2020/21");
    }

    @Test
    void aStartedRollOffersItsOwnYearToTheNext() {
        assertThat(ReportDates.rollYears("2025-26", NOVEMBER, "2024/25"))
                .extracting(c -> c.label() + (c.selected() ? " (chosen)" : ""))
                .containsExactly("2027/28", "2026/27", "2025/26 (chosen)", "2024/25");
        assertThat(ReportDates.rollYears(null, NOVEMBER, "2026/27")).extracting(ReportDates.Choice::label)
                .containsExactly("2027/28", "2026/27");
    }
}
