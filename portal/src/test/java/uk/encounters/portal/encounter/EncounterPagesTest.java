package uk.encounters.portal.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.shoutout.ShoutOuts;
import uk.encounters.portal.web.EncounterWording;

/**
 * The record-an-encounter form against a platform that refuses or accepts it (PlatformApi mocked): encounter-service's
 * messages appear next to their fields, pupils named rather than by id, with every pupil and checklist item ticked
 * kept; the checklist follows the framework of the date; an accepted form answers every item of that framework.
 */
@WebMvcTest(EncounterPages.class)
@Import({Encounters.class, ShoutOuts.class, EncounterWording.class})
class EncounterPagesTest {

    static final String PORTAL = "http://127.0.0.1";
    static final String SCHOOL_ID = "school-1";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlatformApi api;

    @BeforeEach
    void platform() {
        when(api.get(eq(Backend.SCHOOL), any())).thenReturn(Map.of("schoolId", SCHOOL_ID, "name", "Eastfield Academy",
                "type", "SCHOOL", "yearGroups", List.of(9, 10)));
        when(api.getList(eq(Backend.SCHOOL), any())).thenAnswer(call -> switch (path(call.getArgument(1))) {
            case "/api/v1/schools/" + SCHOOL_ID + "/pupils" -> List.of(
                    pupil("p-1", "Ella", "Fraser", 9), pupil("p-2", "Finn", "Green", 9),
                    pupil("p-3", "Grace", "Hughes", 10));
            case "/api/v1/schools/" + SCHOOL_ID + "/shout-outs" -> List.of(Map.of("shoutOutId", "so-1",
                    "title", "Careers talk", "activityType", "CAREERS_TALK", "status", "FILLED",
                    "startDate", "2026-11-01", "endDate", "2026-11-30", "offers", List.of(Map.of("offerId", "of-1",
                            "employerId", "emp-1", "employerName", "Tees Bridge Works", "status", "ACCEPTED"))));
            default -> List.of();
        });
        when(api.getList(eq(Backend.ENCOUNTER), any())).thenReturn(List.of(Map.of("encounterId", "enc-0",
                "employerId", "emp-2", "employerName", "Acklam Dental Practice", "status", "RECORDED")));
    }

    @Test
    void aRefusedEncounterComesBackWithPupilsNamedNextToThePickerAndEveryTickKept() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), any(), any())).thenThrow(new ApiProblem(422,
                "Unprocessable Content", "2 problems, the first: p-3 was not on this school's roll on 2026-11-20.",
                List.of(new ApiProblem.FieldProblem("attendees", "p-3 was not on this school's roll on 2026-11-20."),
                        new ApiProblem.FieldProblem("date", "The date 2026-12-20 is in the future; record an"
                                + " encounter once it has taken place."))));

        Document page = Jsoup.parse(mvc.perform(post(PORTAL + "/school/encounters").with(leader()).with(csrf())
                        .param("employerId", "emp-1").param("shoutOutId", "so-1").param("offerId", "of-1")
                        .param("activityType", "CAREERS_TALK").param("benchmarks", "GB5").param("date", "2026-12-20")
                        .param("hours", "1.5").param("mode", "IN_PERSON").param("attendees", "p-1", "p-3")
                        .param("checklist", "PURPOSE_SHARED", "REFLECTION"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#attendees-error").text()).isEqualTo("Grace Hughes was not on this school's roll on"
                + " 2026-11-20.");
        assertThat(page.select("#form-problem").text()).contains("Grace Hughes").doesNotContain("p-3");
        assertThat(page.select("#date-error").text()).contains("is in the future");
        assertThat(page.select("#date").attr("aria-describedby")).isEqualTo("date-hint date-error");
        assertThat(page.select("#date").val()).isEqualTo("2026-12-20");
        assertThat(page.select("#hours").val()).isEqualTo("1.5");
        assertThat(page.select("#employerId option[selected]").text()).isEqualTo("Tees Bridge Works");
        assertThat(page.select("#employerId option").eachText())
                .containsExactly("Choose the employer", "Acklam Dental Practice", "Tees Bridge Works");
        assertThat(page.select("input[name=attendees][checked]").eachAttr("value")).containsExactly("p-1", "p-3");
        assertThat(page.select("[data-selected-count]").text()).isEqualTo("2");
        assertThat(page.select("#group-year-9 legend").text()).isEqualTo("Year 9 (2)");
        assertThat(page.select("#group-year-9 [data-select-all]").text()).isEqualTo("Select all in Year 9");
        assertThat(page.select("input[name=checklist][checked]").eachAttr("value"))
                .containsExactly("PURPOSE_SHARED", "REFLECTION");
        assertThat(page.select("input[name=benchmarks][checked]").eachAttr("value")).containsExactly("GB5");
        assertThat(page.select("input[name=offerId]").val()).isEqualTo("of-1");
    }

    @Test
    void theChecklistIsThatOfTheFrameworkInForceOnTheDate() throws Exception {
        Document in2024 = Jsoup.parse(mvc.perform(get(PORTAL + "/school/encounters/checklist").with(leader())
                        .param("date", "2024-10-01").param("checklist", "LEARNING_OUTCOMES", "REFLECTION"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(in2024.select(".framework-note").text()).contains("2024/25", "Good Career Guidance (2014)");
        assertThat(in2024.select("input[name=checklist]").eachAttr("value")).containsExactly("LEARNING_OUTCOMES",
                "TWO_WAY_INTERACTION", "EXTENSIVE_INTERACTION", "RANGE_OF_PEOPLE", "EMPLOYER_SET_TASK",
                "EMPLOYER_FEEDBACK", "ACTIVE_PARTICIPATION");
        assertThat(in2024.select("input[name=checklist][checked]").eachAttr("value"))
                .containsExactly("LEARNING_OUTCOMES");
        assertThat(in2024.select("[id='checklist.ACTIVE_PARTICIPATION-hint']").text()).contains("Needed for GB5.");

        Document in2026 = Jsoup.parse(mvc.perform(get(PORTAL + "/school/encounters/checklist").with(leader())
                        .param("date", "2026-10-01").param("checklist", "LEARNING_OUTCOMES", "REFLECTION"))
                .andReturn().getResponse().getContentAsString());
        assertThat(in2026.select(".framework-note").text()).contains("2026/27", "The Next 10 Years (2024)");
        assertThat(in2026.select("input[name=checklist]").eachAttr("value")).contains("PURPOSE_SHARED", "REFLECTION")
                .doesNotContain("ACTIVE_PARTICIPATION");
        assertThat(in2026.select("input[name=checklist][checked]").eachAttr("value"))
                .containsExactly("LEARNING_OUTCOMES", "REFLECTION");
        assertThat(in2026.select("[id='checklist.PURPOSE_SHARED-hint']").text()).contains("Needed for GB5 and GB6.");
    }

    @Test
    void aRecordedEncounterAnswersEveryItemOfItsFrameworkAndOpensItsPage() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), any(), any())).thenReturn(Map.of("encounterId",
                "enc-1"));

        mvc.perform(post(PORTAL + "/school/encounters").with(leader()).with(csrf())
                        .param("employerId", "emp-1").param("activityType", "CAREERS_TALK").param("date", "2025-10-01")
                        .param("hours", "1.5").param("mode", "IN_PERSON").param("attendees", "p-1", "p-2")
                        .param("checklist", "PURPOSE_SHARED", "ACTIVE_PARTICIPATION"))
                .andExpect(redirectedUrl("/school/encounters/enc-1"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), any(), body.capture());
        assertThat(body.getValue()).containsEntry("schoolId", SCHOOL_ID).containsEntry("employerId", "emp-1")
                .containsEntry("attendees", List.of("p-1", "p-2")).containsEntry("offerId", null)
                .containsEntry("hours", new java.math.BigDecimal("1.5")).doesNotContainKey("curriculumArea");
        assertThat(body.getValue().get("checklist")).isEqualTo(Map.of("PURPOSE_SHARED", true,
                "LEARNING_OUTCOMES", false, "TWO_WAY_INTERACTION", false, "EXTENSIVE_INTERACTION", false,
                "RANGE_OF_PEOPLE", false, "EMPLOYER_SET_TASK", false, "EMPLOYER_FEEDBACK", false, "REFLECTION", false));
    }

    static Map<String, Object> pupil(String id, String forename, String surname, int yearGroup) {
        return Map.of("pupilId", id, "forename", forename, "surname", surname, "yearGroup", yearGroup,
                "admissionDate", "2022-09-01", "onRoll", true);
    }

    static RequestPostProcessor leader() {
        return oidcLogin().idToken(token -> token.claim("role", "CAREERS_LEADER").claim("tenantId", SCHOOL_ID));
    }

    static String path(Function<UriBuilder, URI> uri) {
        return uri.apply(new DefaultUriBuilderFactory().builder()).getPath();
    }
}
