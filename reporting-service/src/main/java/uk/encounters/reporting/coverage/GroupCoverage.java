package uk.encounters.reporting.coverage;

/** The three measures over one group of pupils (a SEN status, pupil premium or not, a gender). */
public record GroupCoverage(Figure gb5, Figure gb6By16, Figure gb6By18) {
}
