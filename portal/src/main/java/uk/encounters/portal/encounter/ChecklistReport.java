package uk.encounters.portal.encounter;

import java.util.Map;

/**
 * reporting-service's judgement of an encounter: the framework it used and, per tagged benchmark, the checklist's
 * result, any override and what counts in the coverage figures.
 */
public record ChecklistReport(String encounterId, String academicYear, String framework,
                              Map<String, Result> results, boolean withdrawn) {

    public ChecklistReport {
        results = results == null ? Map.of() : results;
    }

    public record Result(boolean checklistMet, Boolean override, String overrideReason, boolean meaningful) {
    }
}
