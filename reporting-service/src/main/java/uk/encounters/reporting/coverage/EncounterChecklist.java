package uk.encounters.reporting.coverage;

import java.util.Map;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.FrameworkVersion;

/** An encounter's checklist, the framework it is judged by, and per tagged benchmark the result and any override. */
public record EncounterChecklist(String encounterId, String schoolId, String academicYear, FrameworkVersion framework,
                                 Map<String, Boolean> checklist, Map<Benchmark, Result> results, boolean withdrawn) {

    public EncounterChecklist {
        checklist = Map.copyOf(checklist);
        results = Map.copyOf(results);
    }

    /**
     * @param override        the careers leader's verdict replacing the checklist's, or null
     * @param meaningful      what counts: the override where there is one, else the checklist (and never when
     *                        withdrawn)
     */
    public record Result(boolean checklistMet, Boolean override, String overrideReason, String overrideEventId,
                         boolean meaningful) {
    }
}
