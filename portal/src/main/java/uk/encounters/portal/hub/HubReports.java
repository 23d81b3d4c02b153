package uk.encounters.portal.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.hub.HubFigures.SchoolRow;
import uk.encounters.portal.hub.HubFigures.Share;
import uk.encounters.portal.web.Wording;

/**
 * What a coordinator's pages read, through the public APIs with their own token: the hub and its schools from
 * school-service, figures and shout-outs from reporting-service. Nothing here names a pupil: a coordinator's reports
 * carry none (reporting-service empties a school's at-risk lists for them), and the pages show only aggregates.
 */
@Component
class HubReports {

    private final PlatformApi api;

    HubReports(PlatformApi api) {
        this.api = api;
    }

    String hubName(String hubId) {
        return Json.text(api.get(Backend.SCHOOL, u -> u.path("/api/v1/hubs/{hubId}").build(hubId)).get("name"));
    }

    /** The hub's schools now, by name: id, URN, name, type and year groups. */
    List<Map<String, Object>> schools(String hubId) {
        return api.getList(Backend.SCHOOL, u -> u.path("/api/v1/hubs/{hubId}/schools").build(hubId));
    }

    /** School names by id, in the hub's order. */
    Map<String, String> schoolNames(String hubId) {
        Map<String, String> names = new LinkedHashMap<>();
        schools(hubId).forEach(s -> names.put(Json.text(s.get("schoolId")), Json.text(s.get("name"))));
        return names;
    }

    /**
     * The hub's report joined with its schools' names. A school school-service lists but reporting-service has not
     * heard of yet gets an empty row; one reporting-service still counts (it left the hub a moment ago) is shown
     * under its id rather than hidden, so the rows always add up to the shares.
     */
    HubFigures figures(String hubId, String academicYear, String asOf) {
        Map<String, Object> report = api.get(Backend.REPORTING, u -> u.path("/api/v1/hubs/{hubId}/coverage")
                .queryParamIfPresent("academicYear", Optional.ofNullable(academicYear))
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(hubId));
        Map<String, Map<String, Object>> listed = new LinkedHashMap<>();
        schools(hubId).forEach(s -> listed.put(Json.text(s.get("schoolId")), s));
        List<SchoolRow> rows = new ArrayList<>();
        for (Map<String, Object> line : Json.maps(report.get("schools"))) {
            String schoolId = Json.text(line.get("schoolId"));
            Map<String, Object> school = listed.remove(schoolId);
            rows.add(new SchoolRow(schoolId, school == null ? "School " + schoolId : Json.text(school.get("name")),
                    school == null ? "" : Json.text(school.get("urn")), Json.text(line.get("type")),
                    Cell.of(line.get("gb5")), Cell.of(line.get("gb6By16")), Cell.of(line.get("gb6By18")),
                    Json.bool(line.get("gb5FullyAchieved")), Json.bool(line.get("gb6FullyAchieved")), true));
        }
        listed.forEach((schoolId, school) -> rows.add(new SchoolRow(schoolId, Json.text(school.get("name")),
                Json.text(school.get("urn")), Json.text(school.get("type")), Cell.NOT_APPLICABLE,
                Cell.NOT_APPLICABLE, Cell.NOT_APPLICABLE, null, null, false)));
        rows.sort(Comparator.comparing(SchoolRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SchoolRow::schoolId));
        return new HubFigures(hubId, hubName(hubId), Json.text(report.get("academicYear")),
                Labels.parseDate(report.get("asOf")), List.copyOf(rows),
                share(report.get("gb5")), share(report.get("gb6")));
    }

    private static Share share(Object given) {
        Map<String, Object> share = Json.map(given);
        Integer applicable = Json.integer(share.get("applicableSchools"));
        Integer achieving = Json.integer(share.get("fullyAchievingSchools"));
        return new Share(applicable == null ? 0 : applicable, achieving == null ? 0 : achieving,
                Json.decimal(share.get("percent")));
    }

    /**
     * The hub's month-end trend; empty where this reporting-service does not offer it yet (a 404 from a service
     * that knows the hub, since the hub's report was read first on the page).
     */
    Optional<Map<String, Object>> trend(String hubId, String academicYear) {
        return optional(() -> api.get(Backend.REPORTING, u -> u.path("/api/v1/hubs/{hubId}/coverage/trend")
                .queryParamIfPresent("academicYear", Optional.ofNullable(academicYear)).build(hubId)));
    }

    /** The year's encounters by employer sector and size; empty where reporting-service does not offer it yet. */
    Optional<Map<String, Object>> engagement(String hubId, String academicYear) {
        return optional(() -> api.get(Backend.REPORTING, u -> u.path("/api/v1/hubs/{hubId}/encounters/by-employer")
                .queryParamIfPresent("academicYear", Optional.ofNullable(academicYear)).build(hubId)));
    }

    Map<String, Object> school(String schoolId) {
        return api.get(Backend.SCHOOL, u -> u.path("/api/v1/schools/{schoolId}").build(schoolId));
    }

    /** A school's figures as its hub's coordinator may read them: without the at-risk pupils. */
    Map<String, Object> schoolCoverage(String schoolId, String academicYear, String asOf) {
        return api.get(Backend.REPORTING, u -> u.path("/api/v1/schools/{schoolId}/coverage")
                .queryParamIfPresent("academicYear", Optional.ofNullable(academicYear))
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(schoolId));
    }

    /** The hub's open shout-outs with how many offers each has, oldest first. */
    List<ShoutOut> openShoutOuts(String hubId) {
        LocalDate today = Labels.today();
        return api.getList(Backend.REPORTING, u -> u.path("/api/v1/hubs/{hubId}/shout-outs")
                        .queryParam("status", "OPEN").build(hubId)).stream()
                .map(s -> ShoutOut.of(s, today))
                .sorted(Comparator.comparing(ShoutOut::posted, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ShoutOut::startDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static Optional<Map<String, Object>> optional(Supplier<Map<String, Object>> call) {
        try {
            return Optional.of(call.get());
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** An open shout-out as the demand page lists it; no pupil in it, only what the school asked for. */
    record ShoutOut(String shoutOutId, String schoolId, String schoolName, String title, String activity,
                    String yearGroups, int places, LocalDate startDate, LocalDate endDate, LocalDate posted,
                    long daysWaiting, int offers) {

        static ShoutOut of(Map<String, Object> s, LocalDate today) {
            String postedAt = Json.text(s.get("postedAt"));
            LocalDate posted = postedAt == null ? null
                    : Instant.parse(postedAt).atZone(Wording.ENGLAND).toLocalDate();
            Integer places = Json.integer(s.get("places"));
            Integer offers = Json.integer(s.get("offerCount"));
            return new ShoutOut(Json.text(s.get("shoutOutId")), Json.text(s.get("schoolId")),
                    Json.text(s.get("schoolName")), Json.text(s.get("title")),
                    Wording.activity(Json.text(s.get("activityType"))), Wording.yearGroups(Json.integers(s.get("yearGroups"))),
                    places == null ? 0 : places, Labels.parseDate(s.get("startDate")),
                    Labels.parseDate(s.get("endDate")), posted,
                    posted == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(posted, today)),
                    offers == null ? 0 : offers);
        }

        public String postedText() {
            return Wording.date(posted);
        }

        public String datesText() {
            return Wording.dates(startDate, endDate);
        }

        public String waitingText() {
            return daysWaiting == 0 ? "Posted today" : daysWaiting == 1 ? "1 day" : daysWaiting + " days";
        }
    }
}
