package uk.encounters.school.roll;

/**
 * What an upload did. Counts events, so a pupil who joined and left within one file counts in both
 * {@code enrolled} and {@code left}; {@code changed} counts pupils whose attributes or identity were corrected.
 */
public record RollReconciled(int enrolled, int left, int changed, int unchanged) {
}
