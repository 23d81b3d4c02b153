package uk.encounters.reporting.coverage;

import java.math.BigDecimal;

/**
 * Work-experience hours of a year group's pupils on roll in their key stage so far (KS3: Years 7-9, KS4: Years
 * 10-11): the total, and how many have reached a week's worth (25 hours) with the percentage, rounded like every
 * percentage.
 */
public record HoursFigure(String keyStage, int onRoll, BigDecimal totalHours, BigDecimal virtualHours,
                          int reachedWeek, BigDecimal percentReachedWeek) {
}
