package uk.encounters.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import uk.encounters.contracts.ActivityType;
import uk.encounters.platform.web.WebAutoConfiguration;
import uk.encounters.school.shoutout.PostShoutOut;

/** The HTTP contract of posting a shout-out: what is accepted, and how bad input is named back. */
@WebMvcTest(ShoutOutController.class)
@ImportAutoConfiguration(WebAutoConfiguration.class)
class ShoutOutControllerTest {

    private static final String VALID = """
            {"title":"Careers talk for History","activityType":"CAREERS_TALK","sectors":["Culture"],
             "yearGroups":[9],"places":30,"startDate":"2099-03-01","endDate":"2099-03-31","mode":"HYBRID"}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CommandGateway commands;

    @Test
    void postsAShoutOutAndAnswersWithItsId() {
        var result = mvc.post().uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID).exchange();

        assertThat(result).hasStatus(201).bodyJson().extractingPath("$.shoutOutId").isNotNull();
        ArgumentCaptor<PostShoutOut> sent = ArgumentCaptor.forClass(PostShoutOut.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().schoolId()).isEqualTo("s-1");
        assertThat(sent.getValue().activityType()).isEqualTo(ActivityType.CAREERS_TALK);
    }

    @Test
    void anImpossibleDateIsNamedAndNothingIsSent() {
        var result = mvc.post().uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("2099-03-01", "2099-13-01")).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("startDate");
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownActivityTypeIsNamed() {
        var result = mvc.post().uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("CAREERS_TALK", "JUGGLING")).exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("activityType");
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndOutOfRangeFieldsAreAllNamed() {
        var result = mvc.post().uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"title\":\"Careers talk for History\",", "").replace("\"places\":30", "\"places\":0"))
                .exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactly("places", "title");
        verify(commands, org.mockito.Mockito.never()).sendAndWait(any());
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var result = mvc.post().uri("/api/v1/schools/s-1/shout-outs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": ").exchange();

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.detail")
                .isEqualTo("The request body is missing or is not valid JSON.");
    }
}
