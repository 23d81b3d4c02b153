package uk.encounters.reporting.coverage;

/** A pupil on roll who has not met a measure; visible to their own school only. */
public record AtRiskPupil(String pupilId, int yearGroup) {
}
