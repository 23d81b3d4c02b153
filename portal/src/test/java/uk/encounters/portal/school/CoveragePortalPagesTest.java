package uk.encounters.portal.school;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.ApiProblem.FieldProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;

/**
 * The careers leader's coverage pages against canned answers of the services: what they show, and that a refusal is
 * shown next to what caused it with what the person chose kept. The browser test runs them against the platform.
 */
@SpringBootTest(properties = {"encounters.portal.identity=http://localhost:18080",
        "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
class CoveragePortalPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHOOL = "school-1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlatformApi api;

    /** The URIs the pages asked for, in order, as path?query. */
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void services() {
        when(api.get(eq(Backend.SCHOOL), any())).thenAnswer(call -> {
            record(call);
            return json("""
                    {"schoolId":"school-1","urn":"136789","name":"Northfield Academy","type":"SCHOOL","hubId":"h",
                     "hubName":"Tees Valley","yearGroups":[7,8,9,10,11],"rollAcademicYear":"2026/27","pupilsOnRoll":4}""");
        });
        when(api.getList(eq(Backend.SCHOOL), any())).thenAnswer(call -> {
            record(call);
            return list("""
                    [{"pupilId":"p1","upn":"A1","forename":"Amira","surname":"Khan","yearGroup":7,"gender":"FEMALE",
                      "sen":"NONE","pupilPremium":true,"academicYear":"2026/27","onRoll":true},
                     {"pupilId":"p2","upn":"A2","forename":"Ben","surname":"Carter","yearGroup":7,"gender":"MALE",
                      "sen":"SEN_SUPPORT","pupilPremium":false,"academicYear":"2026/27","onRoll":true},
                     {"pupilId":"p3","upn":"A3","forename":"Zoe","surname":"Adams","yearGroup":8,"gender":"FEMALE",
                      "sen":"NONE","pupilPremium":false,"academicYear":"2026/27","onRoll":true},
                     {"pupilId":"p4","upn":"A4","forename":"Jack","surname":"Kowalski","yearGroup":11,"gender":"MALE",
                      "sen":"NONE","pupilPremium":false,"academicYear":"2026/27","onRoll":true}]""");
        });
    }

    @Test
    void theDashboardShowsEachYearGroupsFiguresLinkedToTheirEvidence() throws Exception {
        when(api.get(eq(Backend.REPORTING), any())).thenAnswer(call -> {
            record(call);
            return json(COVERAGE);
        });

        mvc.perform(get("http://127.0.0.1/school").param("academicYear", "2026-27").param("asOf", "2026-11-24").with(leader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Northfield Academy</h1>"),
                        containsString("as of <strong>24 November 2026</strong>"),
                        containsString("<span class=\"cell__figure\">2/2</span>"),
                        containsString("<span class=\"cell__sub\">100.0%</span>"),
                        containsString("href=\"/school/evidence?academicYear=2026-27&amp;asOf=2026-11-24&amp;measure=GB5&amp;yearGroup=7\""),
                        containsString("href=\"/school/evidence?academicYear=2026-27&amp;asOf=2026-11-24&amp;measure=GB5&amp;sen=SEN_SUPPORT\""),
                        containsString("class=\"cell level-high\""),
                        containsString("class=\"cell level-low\""),
                        containsString("4 h in KS3 (4 h virtual)"),
                        // 31 December, 31 March and 31 July of the year shown, one click each
                        containsString("href=\"/school?academicYear=2026-27&amp;asOf=2026-12-31\""),
                        containsString("href=\"/school?academicYear=2026-27&amp;asOf=2027-07-31\""),
                        // an 11-16 school: no Year 12 or 13 row
                        not(containsString("<th scope=\"row\">Year 12</th>")))));
        org.assertj.core.api.Assertions.assertThat(asked)
                .contains("/api/v1/schools/school-1/coverage?academicYear=2026-27&asOf=2026-11-24");
    }

    @Test
    void aDateTheReportRefusesIsShownNextToTheDateFieldKeepingWhatWasTyped() throws Exception {
        when(api.get(eq(Backend.REPORTING), any())).thenThrow(new ApiProblem(422, "Unprocessable Content",
                "The academic year 2026/27 had not begun on 2026-08-01; ask for a date from 2026-09-01.",
                List.of(new FieldProblem("asOf", "The academic year 2026/27 had not begun on 2026-08-01."))));

        mvc.perform(get("http://127.0.0.1/school").param("academicYear", "2026-27").param("asOf", "2026-08-01").with(leader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("There is a problem"),
                        containsString("id=\"asOf-error\">The academic year 2026/27 had not begun on 2026-08-01.</p>"),
                        containsString("value=\"2026-08-01\""),
                        containsString("aria-invalid=\"true\""),
                        containsString("<option value=\"2026-27\" selected=\"selected\">2026/27</option>"))));
    }

    @Test
    void theAtRiskListNamesPupilsFromTheRollByYearGroupAndSurname() throws Exception {
        when(api.getList(eq(Backend.REPORTING), any())).thenAnswer(call -> {
            record(call);
            return list("""
                    [{"pupilId":"p1","yearGroup":7},{"pupilId":"p2","yearGroup":7},{"pupilId":"p4","yearGroup":11}]""");
        });

        String page = mvc.perform(get("http://127.0.0.1/school/at-risk").param("measure", "GB5").param("academicYear", "2026-27")
                        .with(leader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pupils still to reach GB5"),
                        containsString("3 pupils"), containsString("(2 pupils)"), containsString("(1 pupil)"))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Carter, Ben")).isLessThan(page.indexOf("Khan, Amira"));
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Khan, Amira")).isLessThan(page.indexOf("Kowalski, Jack"));
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("Adams");
        org.assertj.core.api.Assertions.assertThat(asked).contains(
                "/api/v1/schools/school-1/at-risk?measure=GB5&academicYear=2026-27",
                "/api/v1/schools/school-1/pupils?academicYear=2026/27&includeLeavers=true");
    }

    @Test
    void aGroupsEvidenceKeepsThatGroupsPupilsAndShowsEachEncountersChecklist() throws Exception {
        when(api.get(eq(Backend.REPORTING), any())).thenAnswer(call -> {
            record(call);
            String path = asked.getLast();
            if (path.startsWith("/api/v1/encounters/talk-1/checklist")) {
                return json("""
                        {"encounterId":"talk-1","academicYear":"2026/27","framework":"V2024",
                         "checklist":{"PURPOSE_SHARED":true,"LEARNING_OUTCOMES":true,"TWO_WAY_INTERACTION":false,
                                      "REFLECTION":true},
                         "results":{"GB5":{"checklistMet":false,"override":true,
                                           "overrideReason":"Spoken feedback to every pupil","meaningful":true}},
                         "withdrawn":false}""");
            }
            return json("""
                    {"schoolId":"school-1","measure":"GB5","yearGroup":null,"academicYear":"2026/27",
                     "asOf":"2026-11-24","pupils":[
                      {"pupilId":"p1","yearGroup":7,"encounters":[{"encounterId":"talk-1","date":"2026-11-20",
                        "academicYear":"2026/27","yearGroup":7,"activityType":"CAREERS_TALK","framework":"V2024",
                        "hours":1.5,"mode":"IN_PERSON","eventIds":["e1"],
                        "events":[{"eventId":"e1","type":"encounter.EncounterRecorded.v1","recordedBy":"account-1"}]}]},
                      {"pupilId":"p2","yearGroup":7,"encounters":[{"encounterId":"talk-1","date":"2026-11-20",
                        "academicYear":"2026/27","yearGroup":7,"activityType":"CAREERS_TALK","framework":"V2024",
                        "hours":1.5,"mode":"IN_PERSON","eventIds":["e1","e2"],
                        "events":[{"eventId":"e1","type":"encounter.EncounterRecorded.v1","recordedBy":"account-1"},
                                  {"eventId":"e2","type":"encounter.AttendanceCorrected.v1",
                                   "recordedBy":"account-2"}]}]}]}""");
        });

        mvc.perform(get("http://127.0.0.1/school/evidence").param("measure", "GB5").param("sen", "SEN_SUPPORT")
                        .param("academicYear", "2026-27").param("asOf", "2026-11-24").with(leader()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Evidence for GB5, Years 7 to 13, pupils with SEN support"),
                        containsString(">Ben Carter</a>"),
                        not(containsString("Amira Khan")),
                        containsString("href=\"/school/encounters/talk-1\""),
                        containsString("Meaningful"),
                        containsString("<q>Spoken feedback to every pupil</q>"),
                        containsString("Two-way interaction with the employer"),
                        containsString("2 events"),
                        // the viewer is account-1 (leader()); reporting gives account ids, never names
                        containsString("recorded by you"),
                        not(containsString("<code>account-1</code>")),
                        containsString("recorded by account <code>account-2</code>"))));
    }

    @Test
    void aRefusedRollListsEachLineAndColumnAndKeepsTheChosenYear() throws Exception {
        when(api.putCsv(eq(Backend.SCHOOL), any(), any())).thenThrow(refusedRoll());

        mvc.perform(multipart("http://127.0.0.1/school/roll").file(csv()).param("academicYear", "2027-28").with(leader()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("The roll was not uploaded"),
                        containsString("Nothing in the file was applied"),
                        containsString("<td class=\"num\">3</td>"),
                        containsString("<td>UPN</td>"),
                        containsString("The UPN&#39;s check letter does not match its digits"),
                        containsString("<td class=\"num\">5</td>"),
                        containsString("<td>Whole line</td>"),
                        containsString("<option value=\"2027-28\" selected=\"selected\">2027/28</option>"))));
    }

    @Test
    void withHtmxTheRollsAnswerIsTheResultFragment() throws Exception {
        when(api.putCsv(eq(Backend.SCHOOL), any(), any())).thenThrow(refusedRoll());
        mvc.perform(multipart("http://127.0.0.1/school/roll").file(csv()).param("academicYear", "2026-27").header("HX-Request", "true")
                        .with(leader()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 problems in the file"),
                        not(containsString("<h1>")))));

        when(api.putCsv(eq(Backend.SCHOOL), any(), any())).thenReturn(Map.of("enrolled", 1, "left", 0,
                "changed", 0, "unchanged", 10));
        mvc.perform(multipart("http://127.0.0.1/school/roll").file(csv()).param("academicYear", "2026-27").header("HX-Request", "true")
                        .with(leader()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Roll uploaded for 2026/27"),
                        containsString("<span class=\"stat__value\">1</span><span class=\"stat__label\">enrolled</span>"),
                        containsString("<span class=\"stat__value\">10</span><span class=\"stat__label\">unchanged</span>"))));
    }

    @Test
    void withoutHtmxAnUploadedRollRedirectsWithItsCounts() throws Exception {
        when(api.putCsv(eq(Backend.SCHOOL), any(), any())).thenReturn(Map.of("enrolled", 1, "left", 2,
                "changed", 0, "unchanged", 8));
        mvc.perform(multipart("http://127.0.0.1/school/roll").file(csv()).param("academicYear", "2026-27").with(leader()).with(csrf()))
                .andExpect(redirectedUrl("/school/roll"))
                .andExpect(flash().attribute("notice", "The roll for 2026/27 was uploaded."))
                .andExpect(flash().attribute("result", new SchoolRecords.RollResult(1, 2, 0, 8)));
    }

    @Test
    void noFileIsAskedForBeforeAnythingIsSent() throws Exception {
        mvc.perform(multipart("http://127.0.0.1/school/roll").param("academicYear", "2026-27").with(leader()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"file-error\">Choose the roll export")));
        verify(api, never()).putCsv(any(), any(), any());
    }

    private static ApiProblem refusedRoll() {
        return new ApiProblem(422, "Unprocessable Content", "The roll file was not applied: it has 2 problems;"
                + " the first is line 3: UPN: The UPN's check letter does not match its digits; check it for a typing"
                + " error.", List.of(
                new FieldProblem("line 3: UPN", "The UPN's check letter does not match its digits; check it for a"
                        + " typing error."),
                new FieldProblem("line 5", "The line has 9 values but the header row has 10.")));
    }

    private static MockMultipartFile csv() {
        return new MockMultipartFile("file", "roll.csv", "text/csv",
                "UPN,Forename\nA1,Amira\n".getBytes(StandardCharsets.UTF_8));
    }

    private void record(InvocationOnMock call) {
        Function<UriBuilder, URI> uri = call.getArgument(1);
        URI built = uri.apply(UriComponentsBuilder.newInstance());
        asked.add(built.getRawPath() + (built.getRawQuery() == null ? "" : "?" + built.getRawQuery()));
    }

    private static Map<String, Object> json(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static List<Map<String, Object>> list(String text) {
        return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
    }

    private static RequestPostProcessor leader() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_CAREERS_LEADER"))
                .idToken(token -> token.subject("account-1").claim("role", "CAREERS_LEADER").claim("tenantId", SCHOOL)
                        .claim("email", "leader@example.org"))
                .userInfoToken(info -> info.claim("role", "CAREERS_LEADER").claim("tenantId", SCHOOL)
                        .claim("email", "leader@example.org"));
    }

    private static final String COVERAGE = """
            {"schoolId":"school-1","type":"SCHOOL","academicYear":"2026/27","asOf":"2026-11-24","framework":"V2024",
             "gb5":{"onRoll":4,"met":2,"percent":50.0,"fullyAchieved":false},
             "gb6By16":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},
             "gb6By18":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null},
             "gb5FullyAchieved":false,"gb6FullyAchieved":false,
             "yearGroups":[
              {"yearGroup":7,"gb5":{"onRoll":2,"met":2,"percent":100.0,"fullyAchieved":true},
               "gb6By16":{"onRoll":2,"met":1,"percent":50.0,"fullyAchieved":false},"gb6By18":null,
               "workExperienceHours":{"keyStage":"KS3","onRoll":2,"totalHours":4.00,"virtualHours":4.00,
                 "reachedWeek":0,"percentReachedWeek":0.0}},
              {"yearGroup":8,"gb5":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},
               "gb6By16":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},"gb6By18":null,
               "workExperienceHours":{"keyStage":"KS3","onRoll":1,"totalHours":0.00,"virtualHours":0.00,
                 "reachedWeek":0,"percentReachedWeek":0.0}},
              {"yearGroup":11,"gb5":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},
               "gb6By16":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},"gb6By18":null,
               "workExperienceHours":{"keyStage":"KS4","onRoll":1,"totalHours":0.00,"virtualHours":null,
                 "reachedWeek":0,"percentReachedWeek":0.0}},
              {"yearGroup":12,"gb5":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null},"gb6By16":null,
               "gb6By18":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null},"workExperienceHours":null}],
             "breakdowns":{
              "bySen":{"NONE":{"gb5":{"onRoll":3,"met":1,"percent":33.3,"fullyAchieved":false},
                               "gb6By16":{"onRoll":1,"met":0,"percent":0.0,"fullyAchieved":false},
                               "gb6By18":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null}},
                       "SEN_SUPPORT":{"gb5":{"onRoll":1,"met":1,"percent":100.0,"fullyAchieved":true},
                               "gb6By16":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null},
                               "gb6By18":{"onRoll":0,"met":0,"percent":null,"fullyAchieved":null}}},
              "byPupilPremium":{},"byGender":{}},
             "atRisk":{}}""";
}
