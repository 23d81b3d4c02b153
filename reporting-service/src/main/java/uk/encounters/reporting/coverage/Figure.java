package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One measure over one group of pupils on a date: how many were on roll, how many met it, the percentage (one
 * decimal, half-up; null with nobody on roll) and whether everyone met it (null when not applicable).
 */
public record Figure(int onRoll, int met, BigDecimal percent, Boolean fullyAchieved) {

    static Figure of(int onRoll, int met) {
        return new Figure(onRoll, met, percent(met, onRoll), onRoll == 0 ? null : met == onRoll);
    }

    /** A measure nobody is on roll for does not count for or against anyone. */
    public boolean applicable() {
        return onRoll > 0;
    }

    /** 100 x part / whole to one decimal, half-up (2/3 is 66.7, 1/8 is 12.5); null for an empty whole. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(100 * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
