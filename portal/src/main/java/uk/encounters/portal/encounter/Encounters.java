package uk.encounters.portal.encounter;

import static uk.encounters.portal.api.Backend.ENCOUNTER;
import static uk.encounters.portal.api.Backend.REPORTING;
import static uk.encounters.portal.api.Backend.SCHOOL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.ApiRecords;

/**
 * The calls behind the encounter pages, with the careers leader's own token: encounters at encounter-service, the
 * roll at school-service, and the checklist's judgement at reporting-service.
 */
@Component
class Encounters {

    private final PlatformApi api;

    Encounters(PlatformApi api) {
        this.api = api;
    }

    /** The school's encounters, newest first; {@code academicYear} null for every year. */
    List<EncounterSummary> ofSchool(String schoolId, String academicYear) {
        return ApiRecords.readList(api.getList(ENCOUNTER, u -> {
            u.path("/api/v1/schools/{id}/encounters");
            if (academicYear != null) {
                u.queryParam("academicYear", academicYear);
            }
            return u.build(schoolId);
        }), EncounterSummary.class);
    }

    EncounterDetail find(String encounterId) {
        return ApiRecords.read(api.get(ENCOUNTER, u -> u.path("/api/v1/encounters/{id}").build(encounterId)),
                EncounterDetail.class);
    }

    /** reporting-service's view, which follows the encounter's events within moments: empty until it has it. */
    Optional<ChecklistReport> checklistReport(String encounterId) {
        try {
            return Optional.of(ApiRecords.read(api.get(REPORTING,
                    u -> u.path("/api/v1/encounters/{id}/checklist").build(encounterId)), ChecklistReport.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** The pupils on the roll now; with leavers, everyone the roll has listed this year. */
    List<RollPupil> roll(String schoolId, boolean includeLeavers) {
        return ApiRecords.readList(api.getList(SCHOOL, u -> u.path("/api/v1/schools/{id}/pupils")
                .queryParam("includeLeavers", includeLeavers).build(schoolId)), RollPupil.class);
    }

    String record(Map<String, Object> body) {
        return String.valueOf(api.send(HttpMethod.POST, ENCOUNTER, u -> u.path("/api/v1/encounters").build(), body)
                .get("encounterId"));
    }

    void correctRegister(String encounterId, List<String> attendees, String reason) {
        api.send(HttpMethod.PUT, ENCOUNTER, u -> u.path("/api/v1/encounters/{id}/attendees").build(encounterId),
                Map.of("attendees", attendees, "reason", reason));
    }

    void overrideMeaningfulness(String encounterId, Map<String, Object> body) {
        api.send(HttpMethod.POST, ENCOUNTER,
                u -> u.path("/api/v1/encounters/{id}/meaningful-override").build(encounterId), body);
    }

    void withdraw(String encounterId, String reason) {
        api.send(HttpMethod.POST, ENCOUNTER, u -> u.path("/api/v1/encounters/{id}/withdraw").build(encounterId),
                Map.of("reason", reason));
    }
}
