package uk.encounters.portal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;

/**
 * The coordinator's pages over answers the services could give (PlatformApi mocked, the rest of the portal real): the join of
 * school names with figures, the refusal shown at the field it names, the CSV, a missing report, demand.
 */
@SpringBootTest(properties = {"encounters.portal.identity=http://localhost:18080",
        "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
class HubPortalPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUB = "hub-1";
    private static final String SCHOOLS = """
            [{"schoolId": "s-1", "urn": "136789", "name": "Northfield Academy", "type": "SCHOOL", "yearGroups": [7, 8, 9, 10, 11]},
             {"schoolId": "s-2", "urn": "136790", "name": "Ayton School", "type": "SCHOOL", "yearGroups": [10]}]""";
    private static final String COVERAGE = """
            {"hubId": "hub-1", "academicYear": "2026/27", "asOf": "2027-03-31", "knownAt": null,
             "schools": [
               {"schoolId": "s-1", "type": "SCHOOL",
                "gb5": {"onRoll": 10, "met": 4, "percent": 40.0, "fullyAchieved": false},
                "gb6By16": {"onRoll": 2, "met": 0, "percent": 0.0, "fullyAchieved": false},
                "gb6By18": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                "gb5FullyAchieved": false, "gb6FullyAchieved": false},
               {"schoolId": "s-2", "type": "SCHOOL",
                "gb5": {"onRoll": 2, "met": 2, "percent": 100.0, "fullyAchieved": true},
                "gb6By16": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                "gb6By18": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                "gb5FullyAchieved": true, "gb6FullyAchieved": null}],
             "schoolsFullyAchievingGb5Percent": 50.0, "schoolsFullyAchievingGb6Percent": 0.0,
             "gb5": {"applicableSchools": 2, "fullyAchievingSchools": 1, "percent": 50.0},
             "gb6": {"applicableSchools": 1, "fullyAchievingSchools": 0, "percent": 0.0}}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PlatformApi api;

    @BeforeEach
    void answers() {
        when(api.get(eq(Backend.SCHOOL), any())).thenAnswer(call -> switch (path(call.getArgument(1))) {
            case "/api/v1/hubs/hub-1" -> Map.of("hubId", HUB, "name", "Tees Valley Careers Hub");
            case "/api/v1/schools/s-1" -> map("""
                    {"schoolId": "s-1", "urn": "136789", "name": "Northfield Academy", "type": "SCHOOL",
                     "hubId": "hub-1", "hubName": "Tees Valley Careers Hub", "yearGroups": [7, 8],
                     "rollAcademicYear": "2026/27", "pupilsOnRoll": 4}""");
            default -> throw new AssertionError(path(call.getArgument(1)));
        });
        when(api.getList(eq(Backend.SCHOOL), any())).thenReturn(list(SCHOOLS));
        when(api.get(eq(Backend.REPORTING), any())).thenAnswer(call -> switch (path(call.getArgument(1))) {
            case "/api/v1/hubs/hub-1/coverage" -> map(COVERAGE);
            case "/api/v1/hubs/hub-1/coverage/trend" -> map("""
                    {"hubId": "hub-1", "academicYear": "2026/27", "points": [
                      {"asOf": "2026-09-30", "gb5": {"onRoll": 12, "met": 0, "percent": 0.0},
                       "gb6By16": {"onRoll": 2, "met": 0, "percent": 0.0}, "gb6By18": {"onRoll": 0, "met": 0, "percent": null},
                       "schoolsFullyAchievingGb5Percent": 0.0, "schoolsFullyAchievingGb6Percent": 0.0},
                      {"asOf": "2026-10-31", "gb5": {"onRoll": 12, "met": 6, "percent": 50.0},
                       "gb6By16": {"onRoll": 2, "met": 0, "percent": 0.0}, "gb6By18": {"onRoll": 0, "met": 0, "percent": null},
                       "schoolsFullyAchievingGb5Percent": 50.0, "schoolsFullyAchievingGb6Percent": 0.0}]}""");
            case "/api/v1/hubs/hub-1/encounters/by-employer" -> throw new ApiProblem(404, "Not Found",
                    "No endpoint GET /api/v1/hubs/hub-1/encounters/by-employer.", List.of());
            case "/api/v1/schools/s-1/coverage" -> map("""
                    {"schoolId": "s-1", "type": "SCHOOL", "academicYear": "2026/27", "asOf": "2027-03-31",
                     "framework": "V2024",
                     "gb5": {"onRoll": 4, "met": 1, "percent": 25.0, "fullyAchieved": false},
                     "gb6By16": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                     "gb6By18": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                     "gb5FullyAchieved": false, "gb6FullyAchieved": null,
                     "yearGroups": [
                       {"yearGroup": 7, "gb5": {"onRoll": 2, "met": 1, "percent": 50.0, "fullyAchieved": false},
                        "gb6By16": {"onRoll": 2, "met": 0, "percent": 0.0, "fullyAchieved": false}, "gb6By18": null,
                        "workExperienceHours": {"keyStage": "KS3", "onRoll": 2, "totalHours": 3.00, "virtualHours": 0,
                                                "reachedWeek": 0, "percentReachedWeek": 0.0}},
                       {"yearGroup": 13, "gb5": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                        "gb6By16": null, "gb6By18": {"onRoll": 0, "met": 0, "percent": null, "fullyAchieved": null},
                        "workExperienceHours": null}],
                     "breakdowns": {"bySen": {"NONE": {"gb5": {"onRoll": 3, "met": 1, "percent": 33.3}}},
                                    "byPupilPremium": {"true": {"gb5": {"onRoll": 1, "met": 0, "percent": 0.0}}},
                                    "byGender": {"FEMALE": {"gb5": {"onRoll": 2, "met": 1, "percent": 50.0}}}},
                     "atRisk": {}}""");
            default -> throw new AssertionError(path(call.getArgument(1)));
        });
        when(api.getList(eq(Backend.REPORTING), any())).thenReturn(list("""
                [{"shoutOutId": "so-2", "schoolId": "s-2", "schoolName": "Ayton School", "title": "Mock interviews",
                  "activityType": "MOCK_INTERVIEWS", "yearGroups": [11], "places": 20, "startDate": "2027-01-10",
                  "endDate": "2027-01-20", "postedAt": "2026-11-02T10:00:00Z", "status": "OPEN", "offerCount": 2},
                 {"shoutOutId": "so-1", "schoolId": "s-1", "schoolName": "Northfield Academy",
                  "title": "Careers talk for History", "activityType": "CAREERS_TALK", "yearGroups": [9, 10],
                  "places": 30, "startDate": "2027-02-01", "endDate": "2027-02-28",
                  "postedAt": "2026-11-01T10:00:00Z", "status": "OPEN", "offerCount": 0}]"""));
    }

    @Test
    void theHubPageNamesEachSchoolWithItsFiguresAndTheSharesFullyAchieving() throws Exception {
        MvcTestResult page = mvc.get().uri("http://127.0.0.1/hub").with(coordinator()).exchange();

        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Tees Valley Careers Hub", "as of", "31 March 2027")
                .contains("<span class=\"stat__value\">50.0%</span>", "1 of 2", "0 of 1")
                .contains("href=\"/hub/schools/s-1\">Northfield Academy</a>", "Ayton School")
                .contains("class=\"cell level-low\"", "40.0%", "4 of 10", "class=\"cell level-high\"", "100.0%")
                .contains("not applicable", "no pupils on roll")
                .contains("href=\"/hub/export.csv\"", "hx-get=\"/hub/trend\"", "hx-trigger=\"load\"");
        assertThat(html.indexOf("Ayton School")).as("schools by name").isLessThan(html.indexOf("Northfield Academy"));
    }

    @Test
    void aRefusedDateIsShownNextToItsFieldAndWhatWasTypedIsKept() throws Exception {
        when(api.get(eq(Backend.REPORTING), any())).thenThrow(new ApiProblem(422, "Unprocessable Content",
                "The date is before the academic year.", List.of(new ApiProblem.FieldProblem("asOf",
                "2026-01-01 is before the academic year 2026/27 begins."))));

        MvcTestResult page = mvc.get().uri("http://127.0.0.1/hub?academicYear=2026/27&asOf=2026-01-01").with(coordinator()).exchange();

        assertThat(page).hasStatus(422);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("There is a problem", "id=\"asOf-error\"",
                        "2026-01-01 is before the academic year 2026/27 begins.", "value=\"2026-01-01\"",
                        "aria-invalid=\"true\"", "field--error")
                .contains("Tees Valley Careers Hub").doesNotContain("Download CSV");
    }

    @Test
    void theCsvHasAHeaderAndARowPerSchoolAndIsNamedAfterTheHubAndDate() throws Exception {
        MvcTestResult csv = mvc.get().uri("http://127.0.0.1/hub/export.csv?academicYear=2026-27&asOf=2027-03-31").with(coordinator())
                .exchange();

        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"hub-tees-valley-careers-hub-2027-03-31.csv\"");
        assertThat(csv.getResponse().getContentAsString().lines().toList()).containsExactly(
                String.join(",", HubCsv.HEADER),
                "Ayton School,136790,School,2,2,100.0,yes,0,0,,,0,0,,,,2026/27,2027-03-31",
                "Northfield Academy,136789,School,10,4,40.0,no,2,0,0.0,no,0,0,,,no,2026/27,2027-03-31");
    }

    @Test
    void theTrendLoadsAsAFragmentWithItsChartAndTable() throws Exception {
        MvcTestResult trend = mvc.get().uri("http://127.0.0.1/hub/trend").header("HX-Request", "true").with(coordinator()).exchange();

        String html = trend.getResponse().getContentAsString();
        assertThat(html).startsWith("<section").doesNotContain("<html")
                .contains("id=\"trend-chart\"", "data-chart=", "&quot;type&quot;:&quot;line&quot;")
                .contains("<summary>The trend as a table</summary>", "31 October 2026", "50.0% (6 of 12)");
    }

    @Test
    void aReportTheServiceDoesNotOfferYetSaysSoInsteadOfFailingThePage() throws Exception {
        MvcTestResult employers = mvc.get().uri("http://127.0.0.1/hub/employers").with(coordinator()).exchange();

        assertThat(employers).hasStatusOk();
        assertThat(employers.getResponse().getContentAsString()).contains("<h1>Encounters by employer</h1>",
                "Encounters by employer are not available");
    }

    @Test
    void aSchoolsPageShowsItsYearGroupsAndGroupsByCountsOnly() throws Exception {
        MvcTestResult page = mvc.get().uri("http://127.0.0.1/hub/schools/s-1").with(coordinator()).exchange();

        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("<h1>Northfield Academy</h1>", "URN 136789", "2024 update", "Year 7")
                .contains("1 of 2", "33.3%", "No SEN", "Pupil premium")
                .doesNotContain(">Year 13</th>").doesNotContain("pupilId");
    }

    @Test
    void demandListsShoutOutsWithoutOffersApartFromThoseWithOffersOldestFirst() throws Exception {
        MvcTestResult page = mvc.get().uri("http://127.0.0.1/hub/demand").with(coordinator()).exchange();

        String html = page.getResponse().getContentAsString();
        String unmet = html.substring(html.indexOf("id=\"unmet\""), html.indexOf("id=\"offered-heading\""));
        assertThat(unmet).contains("Careers talk for History", "Northfield Academy", "Years 9 and 10",
                "1 February 2027 to 28 February 2027", "1 November 2026").doesNotContain("Mock interviews");
        assertThat(html.substring(html.indexOf("id=\"offered\""))).contains("Mock interviews", "Year 11");
        long waiting = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 1), Labels.today());
        assertThat(unmet).contains(waiting + " days");
    }

    private static RequestPostProcessor coordinator() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HUB_COORDINATOR"))
                .idToken(token -> token.subject("account-1").claim("role", "HUB_COORDINATOR").claim("tenantId", HUB))
                .userInfoToken(info -> info.claim("role", "HUB_COORDINATOR").claim("tenantId", HUB)
                        .claim("email", "coordinator@example.org"));
    }

    private static String path(Function<UriBuilder, URI> uri) {
        return uri.apply(UriComponentsBuilder.newInstance()).getPath();
    }

    private static Map<String, Object> map(String json) {
        return JSON.readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static List<Map<String, Object>> list(String json) {
        return JSON.readValue(json, new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
    }
}
