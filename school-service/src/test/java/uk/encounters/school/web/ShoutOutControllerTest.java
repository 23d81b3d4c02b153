package uk.encounters.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import uk.encounters.contracts.ActivityType;
import uk.encounters.platform.security.ResourceServerAutoConfiguration;
import uk.encounters.platform.web.WebAutoConfiguration;
import uk.encounters.school.Bearer;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.shoutout.AcceptOffer;
import uk.encounters.school.shoutout.DeclineOffer;
import uk.encounters.school.shoutout.PostShoutOut;
import uk.encounters.school.shoutout.ShoutOutStatus;
import uk.encounters.school.shoutout.ShoutOutViews;
import uk.encounters.school.shoutout.WithdrawShoutOut;

/** The HTTP contract of shout-outs and offers: what is accepted, what is answered, and how refusals read. */
@WebMvcTest(ShoutOutController.class)
@ImportAutoConfiguration({WebAutoConfiguration.class, ResourceServerAutoConfiguration.class})
class ShoutOutControllerTest {

    /** Who may call is {@link Access}'s business, tested with the service running; here it lets everyone by. */
    private static final String BEARER = "Bearer " + Bearer.ISSUER.careersLeader("s-1");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
    }

    @MockitoBean
    Access access;

    private static final String VALID = """
            {"title":"Careers talk for History","activityType":"CAREERS_TALK","sectors":["Culture"],
             "yearGroups":[9],"places":30,"startDate":"2099-03-01","endDate":"2099-03-31","mode":"HYBRID"}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    ShoutOutViews views;

    @Test
    void postsAShoutOutAndAnswersWithItsId() {
        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID).exchange();

        assertThat(result).hasStatus(201).bodyJson().extractingPath("$.shoutOutId").isNotNull();
        ArgumentCaptor<PostShoutOut> sent = ArgumentCaptor.forClass(PostShoutOut.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().schoolId()).isEqualTo("s-1");
        assertThat(sent.getValue().activityType()).isEqualTo(ActivityType.CAREERS_TALK);
    }

    @Test
    void anImpossibleDateIsNamedAndNothingIsSent() {
        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("2099-03-01", "2099-13-01")).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("startDate");
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownActivityTypeIsNamed() {
        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("CAREERS_TALK", "JUGGLING")).exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("activityType");
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndOutOfRangeFieldsAreAllNamed() {
        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"title\":\"Careers talk for History\",", "").replace("\"places\":30", "\"places\":0"))
                .exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactly("places", "title");
        verify(commands, org.mockito.Mockito.never()).sendAndWait(any());
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": ").exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.detail")
                .isEqualTo("The request body is missing or is not valid JSON.");
    }

    @Test
    void acceptingAnOfferAnswersWithTheShoutOutsStatus() {
        when(commands.sendAndWait(any(AcceptOffer.class))).thenReturn(ShoutOutStatus.FILLED);

        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1/offers/o-1/accept").exchange();

        assertThat(result).hasStatus(200).bodyJson().isLenientlyEqualTo("""
                {"shoutOutId":"so-1","offerId":"o-1","status":"ACCEPTED","shoutOutStatus":"FILLED"}""");
    }

    @Test
    void acceptingTwiceIsAConflictInProblemDetails() {
        when(commands.sendAndWait(any(AcceptOffer.class)))
                .thenThrow(ProblemException.conflict("Offer o-1 has been accepted already."));

        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1/offers/o-1/accept").exchange();

        assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Offer o-1 has been accepted already.");
    }

    @Test
    void declineTakesAnOptionalReason() {
        when(commands.sendAndWait(any(DeclineOffer.class))).thenReturn(ShoutOutStatus.OPEN);

        var withReason = mvc.post().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1/offers/o-1/decline")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Dates clash with exams\"}").exchange();
        var withoutBody = mvc.post().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1/offers/o-2/decline").exchange();

        assertThat(withReason).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("DECLINED");
        assertThat(withoutBody).hasStatus(200);
        ArgumentCaptor<DeclineOffer> sent = ArgumentCaptor.forClass(DeclineOffer.class);
        verify(commands, org.mockito.Mockito.times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).extracting(DeclineOffer::reason)
                .containsExactly("Dates clash with exams", null);
    }

    @Test
    void withdrawingWithoutABodyIsFine() {
        when(commands.sendAndWait(any(WithdrawShoutOut.class))).thenReturn(ShoutOutStatus.WITHDRAWN);

        var result = mvc.post().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1/withdraw").exchange();

        assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("WITHDRAWN");
    }

    @Test
    void anEditNamesItsInvalidFieldsAndSendsNothing() {
        var result = mvc.put().header("Authorization", BEARER).uri("/api/v1/shout-outs/so-1").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"places\":30", "\"places\":0")).exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("places");
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownStatusFilterIsABadRequest() {
        var result = mvc.get().header("Authorization", BEARER).uri("/api/v1/schools/s-1/shout-outs?status=PAUSED").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(views);
    }
}
