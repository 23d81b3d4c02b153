package uk.encounters.reporting.coverage;

import java.util.List;
import uk.encounters.contracts.FrameworkVersion;

/** GB5 for one pupil in one academic year, judged by that year's framework, with the encounters behind it. */
public record PupilYear(String academicYear, int yearGroup, FrameworkVersion framework, boolean gb5Met,
                        List<EncounterEvidence> gb5Encounters) {

    public PupilYear {
        gb5Encounters = List.copyOf(gb5Encounters);
    }
}
