package uk.encounters.reporting.coverage;

import java.util.List;

/** Why one pupil counts as met in a school figure: the encounters (and their events) that met the measure. */
public record PupilEvidence(String pupilId, int yearGroup, List<EncounterEvidence> encounters) {

    public PupilEvidence {
        encounters = List.copyOf(encounters);
    }
}
