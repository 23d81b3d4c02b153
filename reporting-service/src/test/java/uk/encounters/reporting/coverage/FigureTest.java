package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void twoThirdsIs66Point7() {
        assertThat(Figure.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
    }

    @Test
    void oneEighthIs12Point5() {
        assertThat(Figure.percent(1, 8)).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void anExactHalfOfTheLastDigitRoundsUpNotToEven() {
        // 1/16 = 6.25 and 1/80 = 1.25: half-even would give 6.2 and 1.2.
        assertThat(Figure.percent(1, 16)).isEqualTo(new BigDecimal("6.3"));
        assertThat(Figure.percent(1, 80)).isEqualTo(new BigDecimal("1.3"));
    }

    @Test
    void allAndNoneHaveOneDecimal() {
        assertThat(Figure.percent(7, 7)).isEqualTo(new BigDecimal("100.0"));
        assertThat(Figure.percent(0, 7)).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void nobodyOnRollGivesANullPercentAndNoVerdict() {
        assertThat(Figure.of(0, 0)).isEqualTo(new Figure(0, 0, null, null));
        assertThat(Figure.of(0, 0).applicable()).isFalse();
    }

    @Test
    void fullyAchievedWhenEveryoneOnRollMet() {
        assertThat(Figure.of(3, 3).fullyAchieved()).isTrue();
        assertThat(Figure.of(3, 2).fullyAchieved()).isFalse();
    }
}
