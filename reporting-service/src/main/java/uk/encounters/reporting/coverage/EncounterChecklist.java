package uk.encounters.reporting.coverage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.FrameworkVersion;

/**
 * An encounter's checklist, the framework it is judged by, and per tagged benchmark the result and any override.
 *
 * @param events the encounter's events in its stream's order (recorded, register corrections, overrides, withdrawal),
 *               each with who recorded it
 */
public record EncounterChecklist(String encounterId, String schoolId, String academicYear, FrameworkVersion framework,
                                 Map<String, Boolean> checklist, Map<Benchmark, Result> results, boolean withdrawn,
                                 List<EvidenceEvent> events) {

    public EncounterChecklist {
        checklist = Map.copyOf(checklist);
        results = Map.copyOf(results);
        events = List.copyOf(events);
    }

    /** For readers outside the school (the employer): the school's accounts are the school's business. */
    public EncounterChecklist withoutAccounts() {
        Map<Benchmark, Result> anonymous = new EnumMap<>(Benchmark.class);
        results.forEach((benchmark, result) -> anonymous.put(benchmark, new Result(result.checklistMet(),
                result.override(), result.overrideReason(), result.overrideEventId(), null, result.meaningful())));
        return new EncounterChecklist(encounterId, schoolId, academicYear, framework, checklist, anonymous, withdrawn,
                events.stream().map(EvidenceEvent::withoutAccount).toList());
    }

    /**
     * @param override           the careers leader's verdict replacing the checklist's, or null
     * @param overrideRecordedBy the account that recorded the override (see {@link EvidenceEvent#recordedBy})
     * @param meaningful         what counts: the override where there is one, else the checklist (and never when
     *                           withdrawn)
     */
    public record Result(boolean checklistMet, Boolean override, String overrideReason, String overrideEventId,
                         String overrideRecordedBy, boolean meaningful) {
    }
}
