package uk.encounters.portal.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.ApiProblem.FieldProblem;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;

/**
 * The employer's forms against a stand-in for the services: a refusal shows the service's words next to the field,
 * with what was typed kept, and what the portal sends is what the API expects.
 */
@WebMvcTest({BoardPages.class, ProfilePages.class, OfferPages.class, EmployerEncounterPages.class})
@Import({Profiles.class, MyOffers.class})
class EmployerPortalPagesTest {

    private static final Map<String, Object> SHOUT_OUT = Map.ofEntries(Map.entry("shoutOutId", "so-1"),
            Map.entry("schoolId", "s-1"), Map.entry("schoolName", "Northfield School"),
            Map.entry("title", "Careers talk: engineering"), Map.entry("activityType", "CAREERS_TALK"),
            Map.entry("sectors", List.of("Engineering")), Map.entry("yearGroups", List.of(9, 10)),
            Map.entry("places", 30), Map.entry("startDate", "2027-03-01"), Map.entry("endDate", "2027-03-31"),
            Map.entry("mode", "IN_PERSON"), Map.entry("location", "Northfield School, TS17 6AB"),
            Map.entry("district", "TS17"), Map.entry("status", "OPEN"), Map.entry("distanceMiles", 3.2));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PlatformApi api;

    @BeforeEach
    void registeredEmployer() {
        when(api.get(eq(Backend.ENCOUNTER), any())).thenReturn(Map.of("employerId", "emp-1", "name", "Tees Bridge Works",
                "sector", "Engineering", "size", "MEDIUM", "postcode", "TS2 1RS", "district", "TS2"));
        // The board has the one shout-out; the employer has offered nothing yet.
        when(api.getList(eq(Backend.ENCOUNTER), any())).thenAnswer(call -> {
            Function<UriBuilder, URI> uri = call.getArgument(1);
            return path(uri).startsWith("/api/v1/shout-outs") ? List.of(SHOUT_OUT) : List.of();
        });
    }

    @Test
    void aDateOutsideTheShoutOutShowsTheServicesMessageNextToTheFieldAndKeepsWhatWasTyped() {
        String message = "The school asked for a date from 2027-03-01 to 2027-03-31; 2027-05-01 is outside it.";
        when(api.send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), any(), any())).thenThrow(new ApiProblem(422,
                "Unprocessable Content", message, List.of(new FieldProblem("proposedDate", message))));

        MvcTestResult result = mvc.perform(asEmployer(post("/employer/shout-outs/so-1/offers").param("proposedDate", "2027-05-01")
                .param("message", "Two of our apprentices can come")).with(csrf()));

        assertThat(result).hasStatus(422).bodyText().contains("id=\"proposedDate-error\"").contains("2027-05-01 is outside it.")
                .contains("aria-describedby=\"proposedDate-hint proposedDate-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"2027-05-01\"").contains(">Two of our apprentices can come</textarea>")
                .contains("There is a problem");
    }

    @Test
    void aDateThatIsNoDateIsNamedByThePortalAndNothingIsSent() {
        MvcTestResult result = mvc.perform(asEmployer(post("/employer/shout-outs/so-1/offers").param("proposedDate", "31/02/2027")).with(csrf()));

        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"proposedDate-error\"").contains("Enter a real date");
        verify(api, never()).send(any(), any(), any(), any());
    }

    @Test
    void anOfferGoesInTheEmployersNameAndLandsOnMyOffers() {
        MvcTestResult result = mvc.perform(asEmployer(post("/employer/shout-outs/so-1/offers").param("proposedDate", "2027-03-10")
                .param("message", " Two apprentices ")).with(csrf()));

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/employer/offers")
                .flash().containsKey("notice");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        ArgumentCaptor<Function<UriBuilder, URI>> uri = uriCaptor();
        verify(api).send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), uri.capture(), body.capture());
        assertThat(uri.getValue().apply(UriComponentsBuilder.newInstance())).hasToString("/api/v1/shout-outs/so-1/offers");
        assertThat(body.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("employerId", "emp-1",
                "proposedDate", LocalDate.of(2027, 3, 10), "message", "Two apprentices"));
    }

    @Test
    void theBoardMeasuresFromTheEmployersPostcodeUntilThePersonChoosesOtherwise() {
        assertThat(mvc.perform(asEmployer(get("/employer")))).hasStatusOk().bodyText()
                .contains("Careers talk: engineering").contains("About 3.2 miles away").contains("value=\"TS2 1RS\"");
        assertThat(mvc.perform(asEmployer(get("/employer").param("near", "").param("activityType", "CAREERS_TALK"))))
                .hasStatusOk();

        ArgumentCaptor<Function<UriBuilder, URI>> uri = uriCaptor();
        verify(api, atLeastOnce()).getList(eq(Backend.ENCOUNTER), uri.capture());
        assertThat(uri.getAllValues().stream().map(EmployerPortalPagesTest::path).filter(p -> p.contains("shout-outs")))
                .containsExactly("/api/v1/shout-outs?status=OPEN&near=TS2%201RS&withinMiles=25",
                        "/api/v1/shout-outs?status=OPEN&activityType=CAREERS_TALK");
    }

    @Test
    void aShoutOutAlreadyOfferedForShowsThatOfferInsteadOfTheForm() {
        when(api.getList(eq(Backend.ENCOUNTER), any())).thenAnswer(call -> {
            Function<UriBuilder, URI> uri = call.getArgument(1);
            return path(uri).startsWith("/api/v1/shout-outs") ? List.of(SHOUT_OUT)
                    : List.of(Map.of("offerId", "o-1", "shoutOutId", "so-1", "title", "Careers talk: engineering",
                    "status", "DECLINED", "reason", "We found a speaker", "proposedDate", "2027-03-10",
                    "offeredAt", "2027-02-01T10:00:00Z"));
        });

        assertThat(mvc.perform(asEmployer(get("/employer/shout-outs/so-1")))).hasStatusOk().bodyText()
                .contains("Your offer").contains("Declined").contains("You offered on 1 February 2027")
                .doesNotContain("name=\"proposedDate\"");
        assertThat(mvc.perform(asEmployer(get("/employer")))).hasStatusOk().bodyText()
                .contains("You offered: Declined");
    }

    @Test
    void myOffersLooksAgainUntilAnOfferJustMadeIsListed() {
        assertThat(mvc.perform(asEmployer(get("/employer/offers").param("awaiting", "o-1").param("until", "OFFERED"))))
                .hasStatusOk().bodyText().contains("This list will show your change in a moment")
                .contains("hx-get=\"/employer/offers?awaiting=o-1&amp;until=OFFERED&amp;check=1\"")
                .contains("hx-trigger=\"load delay:1s\"");
        assertThat(mvc.perform(asEmployer(get("/employer/offers").param("awaiting", "o-1").param("until", "OFFERED")
                .param("check", "10")))).hasStatusOk().bodyText().doesNotContain("hx-trigger")
                .contains("You have not offered anything yet");
    }

    @Test
    void encountersShowHowManyPupilsTookPartAndTheTotals() {
        when(api.getList(eq(Backend.ENCOUNTER), any())).thenReturn(List.of(
                Map.of("encounterId", "e-2", "schoolName", "Northfield School", "activityType", "WORKPLACE_VISIT",
                        "date", "2027-03-20", "mode", "IN_PERSON", "status", "SCHEDULED", "attendeeCount", 0),
                Map.of("encounterId", "e-1", "schoolName", "Northfield School", "activityType", "CAREERS_TALK",
                        "date", "2027-03-10", "hours", 1.5, "mode", "IN_PERSON", "status", "RECORDED",
                        "attendeeCount", 28)));

        assertThat(mvc.perform(asEmployer(get("/employer/encounters")))).hasStatusOk().bodyText()
                .contains("28 pupils took part").contains("Not recorded yet").contains("1.5 hours")
                .contains("encounter recorded").contains("10 March 2027").contains("Workplace visit");
    }

    @Test
    void htmxGetsTheResultsAndTheCountOnly() {
        MvcTestResult result = mvc.perform(asEmployer(get("/employer").param("near", "TS17")
                .header("HX-Request", "true")));

        assertThat(result).hasStatusOk().bodyText().doesNotContain("<html").doesNotContain("<form")
                .contains("hx-swap-oob=\"innerHTML:#board-count\"").contains("1 open shout-out, nearest first.")
                .contains("Careers talk: engineering");
    }

    @Test
    void aFilterTheServiceCannotUseIsNamedWithoutResults() {
        when(api.getList(eq(Backend.ENCOUNTER), any())).thenThrow(new ApiProblem(422, "Unprocessable Content",
                "near is a UK postcode", List.of(new FieldProblem("near", "near is a UK postcode (TS17 6AB)."))));

        MvcTestResult result = mvc.perform(asEmployer(get("/employer").param("near", "nowhere")));

        assertThat(result).hasStatus(422).bodyText().contains("id=\"near-error\"").contains("value=\"nowhere\"")
                .doesNotContain("data-shout-out-id");
    }

    @Test
    void anEmployerWithoutAProfileIsAskedForOneFirst() {
        when(api.get(eq(Backend.ENCOUNTER), any())).thenThrow(new ApiProblem(404, "Not Found",
                "There is no employer with id emp-1.", List.of()));

        assertThat(mvc.perform(asEmployer(get("/employer")))).hasRedirectedUrl("/employer/profile");
        assertThat(mvc.perform(asEmployer(get("/employer/profile")))).hasStatusOk().bodyText()
                .contains("Tell schools about your organisation").contains("value=\"Tees Bridge Works\"");
    }

    @Test
    void aRefusedProfileKeepsWhatWasTypedAndNamesTheField() {
        when(api.get(eq(Backend.ENCOUNTER), any())).thenThrow(new ApiProblem(404, "Not Found", "none", List.of()));
        when(api.send(eq(HttpMethod.POST), eq(Backend.ENCOUNTER), any(), any())).thenThrow(new ApiProblem(422,
                "Unprocessable Content", "A UK postcode looks like TS1 3BA.",
                List.of(new FieldProblem("postcode", "A UK postcode looks like TS1 3BA."))));

        MvcTestResult result = mvc.perform(asEmployer(post("/employer/profile").param("name", "Tees Bridge Works").param("sector", "Engineering")
                .param("size", "SMALL").param("postcode", "nowhere")).with(csrf()));

        assertThat(result).hasStatus(422).bodyText().contains("id=\"postcode-error\"")
                .contains("value=\"nowhere\"").contains("value=\"Engineering\"")
                .containsPattern("value=\"SMALL\"[^>]*checked");
    }

    @Test
    void anOwnActivityWithPlacesThatAreNoNumberIsNamedAndNothingIsSent() {
        MvcTestResult result = mvc.perform(asEmployer(post("/employer/activities").param("activityType", "WORKPLACE_VISIT").param("title", "Open day")
                .param("date", "2027-03-10").param("places", "twelve").param("mode", "IN_PERSON")).with(csrf()));

        assertThat(result).hasStatus(422).bodyText().contains("id=\"places-error\"").contains("value=\"Open day\"")
                .contains("value=\"twelve\"");
        verify(api, never()).send(any(), any(), any(), any());
    }

    /** An employer's session; the portal answers on 127.0.0.1 (it sends "localhost" there first). */
    private static MockHttpServletRequestBuilder asEmployer(MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setServerName("127.0.0.1");
            return r;
        }).with(oidcLogin().idToken(token -> token.claim("sub", "account-1").claim("role", "EMPLOYER")
                .claim("tenantId", "emp-1").claim("email", "jo@example.org")
                .claim("organisationName", "Tees Bridge Works"))
                .authorities(new SimpleGrantedAuthority("ROLE_EMPLOYER")));
    }

    private static String path(Function<UriBuilder, URI> uri) {
        return uri.apply(UriComponentsBuilder.newInstance()).toString();
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Function<UriBuilder, URI>> uriCaptor() {
        return ArgumentCaptor.forClass(Function.class);
    }
}
