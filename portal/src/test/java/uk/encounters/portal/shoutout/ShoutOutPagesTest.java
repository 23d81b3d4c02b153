package uk.encounters.portal.shoutout;

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
import uk.encounters.portal.web.EncounterWording;

/**
 * The shout-out form against a platform that refuses or accepts it (PlatformApi mocked): school-service's messages
 * appear next to their fields with everything typed kept, and an accepted form is sent as the API's body.
 */
@WebMvcTest(ShoutOutPages.class)
@Import({ShoutOuts.class, EncounterWording.class})
class ShoutOutPagesTest {

    static final String SCHOOL_ID = "school-1";
    /** The portal answers on 127.0.0.1; it redirects requests for localhost there (LoopbackAddress). */
    static final String PORTAL = "http://127.0.0.1";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlatformApi api;

    @BeforeEach
    void school() {
        when(api.get(eq(Backend.SCHOOL), any())).thenAnswer(call -> switch (path(call.getArgument(1))) {
            case "/api/v1/schools/" + SCHOOL_ID -> Map.of("schoolId", SCHOOL_ID, "name", "Eastfield Academy",
                    "type", "SCHOOL", "yearGroups", List.of(7, 8, 9, 10, 11));
            case "/api/v1/shout-outs/so-1" -> shoutOut();
            default -> throw new ApiProblem(404, "Not Found", "Nothing here.", List.of());
        });
    }

    @Test
    void aRefusedShoutOutComesBackWithTheMessageNextToThePlacesAndEverythingTypedKept() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq(Backend.SCHOOL), any(), any())).thenThrow(new ApiProblem(400,
                "Bad Request", "Invalid places: must be greater than or equal to 1",
                List.of(new ApiProblem.FieldProblem("places", "must be greater than or equal to 1"))));

        String html = mvc.perform(post(PORTAL + "/school/shout-outs").with(leader()).with(csrf())
                        .param("title", "Careers talk: engineering").param("activityType", "CAREERS_TALK")
                        .param("yearGroups", "9", "10").param("sectors", "Construction").param("places", "0")
                        .param("startDate", "2026-12-01").param("endDate", "2026-12-20").param("mode", "HYBRID")
                        .param("location", "Eastfield Academy, TS17 6AB"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#form-problem").text()).contains("must be greater than or equal to 1");
        assertThat(page.select("#places-error").text()).isEqualTo("must be greater than or equal to 1");
        assertThat(page.select("#places").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#places").attr("aria-describedby")).contains("places-error");
        assertThat(page.selectFirst("#places").closest(".field").hasClass("field--error")).isTrue();
        assertThat(page.select("#places").val()).isEqualTo("0");
        assertThat(page.select("#title").val()).isEqualTo("Careers talk: engineering");
        assertThat(page.select("#activityType option[selected]").val()).isEqualTo("CAREERS_TALK");
        assertThat(page.select("input[name=yearGroups][checked]").eachAttr("value")).containsExactly("9", "10");
        assertThat(page.select("input[name=yearGroups]").eachAttr("value")).containsExactly("7", "8", "9", "10", "11");
        assertThat(page.select("input[name=sectors][checked]").eachAttr("value")).containsExactly("Construction");
        assertThat(page.select("input[name=mode][checked]").val()).isEqualTo("HYBRID");
        assertThat(page.select("#endDate").val()).isEqualTo("2026-12-20");
        assertThat(page.select("#location").val()).isEqualTo("Eastfield Academy, TS17 6AB");
    }

    @Test
    void anAcceptedShoutOutIsSentAsTheApiBodyAndOpensItsPage() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq(Backend.SCHOOL), any(), any())).thenReturn(Map.of("shoutOutId", "so-1"));

        mvc.perform(post(PORTAL + "/school/shout-outs").with(leader()).with(csrf())
                        .param("title", " Mock interviews ").param("activityType", "MOCK_INTERVIEWS")
                        .param("yearGroups", "11").param("places", "12").param("startDate", "2026-12-01")
                        .param("endDate", "2026-12-20").param("mode", "IN_PERSON").param("location", ""))
                .andExpect(redirectedUrl("/school/shout-outs/so-1"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Function<UriBuilder, URI>> uri = ArgumentCaptor.forClass(Function.class);
        verify(api).send(eq(HttpMethod.POST), eq(Backend.SCHOOL), uri.capture(), body.capture());
        assertThat(path(uri.getValue())).isEqualTo("/api/v1/schools/" + SCHOOL_ID + "/shout-outs");
        assertThat(body.getValue()).containsEntry("title", "Mock interviews").containsEntry("places", 12)
                .containsEntry("yearGroups", List.of(11)).containsEntry("sectors", List.of())
                .containsEntry("activityType", "MOCK_INTERVIEWS").containsEntry("location", null)
                .containsEntry("startDate", "2026-12-01").containsEntry("mode", "IN_PERSON");
    }

    @Test
    void theShoutOutPageShowsEachOfferWithItsEmployerAndTheAnswersItTakes() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get(PORTAL + "/school/shout-outs/so-1").with(leader()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Careers talk: engineering");
        assertThat(page.select("#offer-of-1 h3").text()).isEqualTo("Tees Bridge Works");
        assertThat(page.select("#offer-of-1").text()).contains("Engineering", "Medium (50 to 249 staff)",
                "14 December 2026", "Two apprentices can come", "Waiting for your answer");
        assertThat(page.select("#offer-of-1 form").attr("action"))
                .isEqualTo("/school/shout-outs/so-1/offers/of-1/accept");
        assertThat(page.select("#offer-of-1 a:contains(Decline)").attr("href"))
                .isEqualTo("/school/shout-outs/so-1/offers/of-1/decline");
    }

    static Map<String, Object> shoutOut() {
        return Map.ofEntries(Map.entry("shoutOutId", "so-1"), Map.entry("schoolId", SCHOOL_ID),
                Map.entry("title", "Careers talk: engineering"), Map.entry("activityType", "CAREERS_TALK"),
                Map.entry("sectors", List.of()), Map.entry("yearGroups", List.of(9)), Map.entry("status", "OPEN"),
                Map.entry("places", 2), Map.entry("placesCovered", 0), Map.entry("startDate", "2026-12-01"),
                Map.entry("endDate", "2026-12-20"), Map.entry("mode", "IN_PERSON"),
                Map.entry("offers", List.of(Map.of("offerId", "of-1", "employerId", "emp-1",
                        "employerName", "Tees Bridge Works", "employerSector", "Engineering",
                        "employerSize", "MEDIUM", "status", "PENDING", "proposedDate", "2026-12-14",
                        "message", "Two apprentices can come", "receivedAt", "2026-11-24T10:00:00Z"))));
    }

    static RequestPostProcessor leader() {
        return oidcLogin().idToken(token -> token.claim("role", "CAREERS_LEADER").claim("tenantId", SCHOOL_ID)
                .claim("email", "leader@example.org"));
    }

    static String path(Function<UriBuilder, URI> uri) {
        return uri.apply(new DefaultUriBuilderFactory().builder()).getPath();
    }
}
