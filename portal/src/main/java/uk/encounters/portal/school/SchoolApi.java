package uk.encounters.portal.school;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.school.Reports.AtRiskPupil;
import uk.encounters.portal.school.Reports.EncounterChecklist;
import uk.encounters.portal.school.Reports.PupilCoverage;
import uk.encounters.portal.school.Reports.SchoolCoverage;
import uk.encounters.portal.school.Reports.SchoolEvidence;
import uk.encounters.portal.school.SchoolRecords.RollPupil;
import uk.encounters.portal.school.SchoolRecords.RollResult;
import uk.encounters.portal.school.SchoolRecords.School;

/**
 * The calls the careers leader's coverage pages make, with the answers read into this package's records. Academic
 * years and dates pass through as the person typed them: the services validate them and say what is wrong.
 */
@Component
class SchoolApi {

    /** Reads the services' JSON into records, ignoring fields these pages do not show. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PlatformApi api;

    SchoolApi(PlatformApi api) {
        this.api = api;
    }

    /** The school's name, year groups and roll size; empty where school-service does not answer for it (404). */
    Optional<School> school(String schoolId) {
        try {
            return Optional.of(read(api.get(Backend.SCHOOL, u -> u.path("/api/v1/schools/{id}").build(schoolId)),
                    School.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    SchoolCoverage coverage(String schoolId, String academicYear, String asOf) {
        return read(api.get(Backend.REPORTING, u -> u.path("/api/v1/schools/{id}/coverage")
                .queryParamIfPresent("academicYear", present(academicYear))
                .queryParamIfPresent("asOf", present(asOf))
                .build(schoolId)), SchoolCoverage.class);
    }

    List<AtRiskPupil> atRisk(String schoolId, Measure measure, String academicYear, String asOf) {
        return api.getList(Backend.REPORTING, u -> u.path("/api/v1/schools/{id}/at-risk")
                        .queryParam("measure", measure.name())
                        .queryParamIfPresent("academicYear", present(academicYear))
                        .queryParamIfPresent("asOf", present(asOf))
                        .build(schoolId))
                .stream().map(p -> read(p, AtRiskPupil.class)).toList();
    }

    SchoolEvidence evidence(String schoolId, Measure measure, String yearGroup, String academicYear, String asOf) {
        return read(api.get(Backend.REPORTING, u -> u.path("/api/v1/schools/{id}/coverage/evidence")
                .queryParam("measure", measure.name())
                .queryParamIfPresent("yearGroup", present(yearGroup))
                .queryParamIfPresent("academicYear", present(academicYear))
                .queryParamIfPresent("asOf", present(asOf))
                .build(schoolId)), SchoolEvidence.class);
    }

    PupilCoverage pupilCoverage(String pupilId, String asOf) {
        return read(api.get(Backend.REPORTING, u -> u.path("/api/v1/pupils/{id}/coverage")
                .queryParamIfPresent("asOf", present(asOf))
                .build(pupilId)), PupilCoverage.class);
    }

    EncounterChecklist checklist(String encounterId) {
        return read(api.get(Backend.REPORTING, u -> u.path("/api/v1/encounters/{id}/checklist").build(encounterId)),
                EncounterChecklist.class);
    }

    /**
     * The roll of an academic year (null: the roll's current year), leavers included when asked for, in
     * school-service's order (year group, surname, forename).
     */
    List<RollPupil> pupils(String schoolId, String academicYear, boolean includeLeavers) {
        return api.getList(Backend.SCHOOL, u -> u.path("/api/v1/schools/{id}/pupils")
                        .queryParamIfPresent("academicYear", present(academicYear))
                        .queryParam("includeLeavers", includeLeavers)
                        .build(schoolId))
                .stream().map(p -> read(p, RollPupil.class)).toList();
    }

    /**
     * Names for pupil ids: the academic year's roll with its leavers, and where an id is not on it (a year before the
     * school's first upload) the current roll with leavers. At most two calls whatever the number of pupils.
     */
    Map<String, RollPupil> pupilsById(String schoolId, String academicYear, Collection<String> pupilIds) {
        Map<String, RollPupil> byId = new LinkedHashMap<>();
        pupils(schoolId, academicYear, true).forEach(p -> byId.put(p.pupilId(), p));
        if (academicYear != null && !byId.keySet().containsAll(pupilIds)) {
            pupils(schoolId, null, true).forEach(p -> byId.putIfAbsent(p.pupilId(), p));
        }
        return byId;
    }

    /** The whole roll for the academic year; a refused file is an {@link ApiProblem} and nothing of it applied. */
    RollResult uploadRoll(String schoolId, String academicYear, byte[] csv) {
        return read(api.putCsv(Backend.SCHOOL, u -> u.path("/api/v1/schools/{id}/roll")
                .queryParamIfPresent("academicYear", present(academicYear))
                .build(schoolId), csv), RollResult.class);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static <T> T read(Map<String, Object> json, Class<T> type) {
        return JSON.convertValue(json, type);
    }
}
