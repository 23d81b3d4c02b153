package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.util.List;

/**
 * Hours towards the DfE guarantee of a week's worth (25 hours) per key stage: GB6 activities in Years 7-9, placements
 * in Years 10-11. Virtual hours in Years 7-9 are shown apart: they contribute but do not replace in-person activity.
 */
public record WorkExperienceHours(BigDecimal keyStage3, BigDecimal keyStage3Virtual, boolean keyStage3WeekReached,
                                  BigDecimal keyStage4, boolean keyStage4WeekReached,
                                  List<EncounterEvidence> keyStage3Encounters,
                                  List<EncounterEvidence> keyStage4Encounters) {

    /** One week's worth of work experience. */
    public static final BigDecimal WEEK = new BigDecimal("25");

    public WorkExperienceHours {
        keyStage3Encounters = List.copyOf(keyStage3Encounters);
        keyStage4Encounters = List.copyOf(keyStage4Encounters);
    }
}
