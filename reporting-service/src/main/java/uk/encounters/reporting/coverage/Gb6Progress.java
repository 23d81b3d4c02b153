package uk.encounters.reporting.coverage;

import java.util.List;

/**
 * A pupil's meaningful workplace experiences within one stage (Years 7-11 for "by 16", Years 12-13 for "by 18").
 * {@code twoOrMore} is the 2024 framework's plural ("meaningful experiences" by 16), reported beside the
 * one-experience rule that decides {@code met}.
 */
public record Gb6Progress(boolean met, int experiences, boolean twoOrMore, List<EncounterEvidence> encounters) {

    public Gb6Progress {
        encounters = List.copyOf(encounters);
    }

    static Gb6Progress of(List<EncounterEvidence> encounters) {
        return new Gb6Progress(!encounters.isEmpty(), encounters.size(), encounters.size() >= 2, encounters);
    }
}
