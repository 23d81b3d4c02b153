package uk.encounters.portal.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.encounters.portal.encounter.EncounterPagesTest.PORTAL;
import static uk.encounters.portal.encounter.EncounterPagesTest.leader;
import static uk.encounters.portal.encounter.EncounterPagesTest.path;
import static uk.encounters.portal.encounter.EncounterPagesTest.pupil;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.EncounterWording;

/**
 * One encounter's page and the register correction (PlatformApi mocked): pupils by name from the roll, the result
 * per benchmark with the leader's override, the history with reasons; a refused correction keeps the ticks.
 */
@WebMvcTest(EncounterChanges.class)
@Import({Encounters.class, EncounterWording.class})
class EncounterChangesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlatformApi api;

    @BeforeEach
    void platform() {
        when(api.get(eq(Backend.ENCOUNTER), any())).thenReturn(encounter());
        when(api.get(eq(Backend.REPORTING), any())).thenThrow(new ApiProblem(404, "Not Found", "Not yet.", List.of()));
        Map<String, Object> leaver = new HashMap<>(pupil("p-9", "Zara", "Ahmed", 11));
        leaver.put("leavingDate", "2026-10-31");
        when(api.getList(eq(Backend.SCHOOL), any())).thenAnswer(call -> {
            assertThat(path(call.getArgument(1))).isEqualTo("/api/v1/schools/school-1/pupils");
            return List.of(pupil("p-1", "Ella", "Fraser", 9), pupil("p-3", "Grace", "Hughes", 10), leaver);
        });
    }

    @Test
    void theEncounterShowsItsPupilsByNameItsResultPerBenchmarkAndItsHistory() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get(PORTAL + "/school/encounters/enc-1").with(leader()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Careers talk or visiting speaker with Tees Bridge Works");
        assertThat(page.select("table.attendees tbody tr").eachText())
                .containsExactly("Ella Fraser 9", "Zara Ahmed 11", "A pupil no longer on the roll -");
        assertThat(page.select("table:has(caption:contains(per benchmark)) tbody tr").text())
                .contains("GB5", "Not every item met", "Meaningful: Spoke with every pupil", "Yes", "Updating");
        assertThat(page.select("table:has(caption:contains(Checklist items)) tbody tr").eachText())
                .anyMatch(row -> row.startsWith("Two-way interaction") && row.endsWith("Not met"));
        assertThat(page.select(".history li").eachText()).containsExactly(
                "Recorded as having taken place 20 October 2026 at 15:00",
                "Meaningfulness overridden 21 October 2026 at 09:30 Reason: Spoke with every pupil");
    }

    @Test
    void aRefusedCorrectionComesBackWithTheReasonAskedForAndTheTicksKept() throws Exception {
        when(api.send(eq(HttpMethod.PUT), eq(Backend.ENCOUNTER), any(), any())).thenThrow(new ApiProblem(422,
                "Unprocessable Content", "Say why the register is corrected.",
                List.of(new ApiProblem.FieldProblem("reason", "Say why the register is corrected."))));

        Document page = Jsoup.parse(mvc.perform(post(PORTAL + "/school/encounters/enc-1/register").with(leader())
                        .with(csrf()).param("attendees", "p-3").param("reason", " "))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#reason-error").text()).isEqualTo("Say why the register is corrected.");
        assertThat(page.select("input[name=attendees][checked]").eachAttr("value")).containsExactly("p-3");
        assertThat(page.select("input[name=attendees]").eachAttr("value"))
                .as("the pupils on roll on the encounter's day, leavers since then included")
                .containsExactly("p-1", "p-3", "p-9");
        verify(api).send(eq(HttpMethod.PUT), eq(Backend.ENCOUNTER), any(), eq(Map.of("attendees", List.of("p-3"),
                "reason", " ")));
    }

    static Map<String, Object> encounter() {
        return Map.ofEntries(Map.entry("encounterId", "enc-1"), Map.entry("schoolId", "school-1"),
                Map.entry("employerId", "emp-1"), Map.entry("employerName", "Tees Bridge Works"),
                Map.entry("activityType", "CAREERS_TALK"), Map.entry("benchmarks", List.of("GB5")),
                Map.entry("date", "2026-10-20"), Map.entry("academicYear", "2026/27"), Map.entry("hours", 1),
                Map.entry("mode", "IN_PERSON"), Map.entry("status", "RECORDED"),
                Map.entry("attendees", List.of("p-9", "p-gone", "p-1")), Map.entry("attendeeCount", 3),
                Map.entry("checklist", Map.of("PURPOSE_SHARED", true, "LEARNING_OUTCOMES", true,
                        "TWO_WAY_INTERACTION", false, "REFLECTION", true)),
                Map.entry("meaningful", Map.of("GB5", true)), Map.entry("framework", "V2024"),
                Map.entry("overrides", List.of(Map.of("benchmark", "GB5", "meaningful", true,
                        "reason", "Spoke with every pupil", "at", "2026-10-21T08:30:00Z"))),
                Map.entry("history", List.of(
                        Map.of("what", "RECORDED", "at", "2026-10-20T14:00:00Z"),
                        Map.of("what", "MEANINGFULNESS_OVERRIDDEN", "at", "2026-10-21T08:30:00Z",
                                "reason", "Spoke with every pupil"))));
    }
}
