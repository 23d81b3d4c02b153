package uk.encounters.portal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;

/**
 * With no Kafka to be reached the portal still starts and serves, and a coordinator's live stream opens saying that
 * live updates are not available, rather than hanging or failing.
 */
@SpringBootTest(properties = {"encounters.portal.identity=http://localhost:18080",
        "spring.kafka.bootstrap-servers=127.0.0.1:9"})
@AutoConfigureMockMvc
class HubPortalWithoutKafkaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaMessageListenerContainer<String, String> encounters;

    @MockitoBean
    PlatformApi api;

    @Test
    void theLiveStreamOpensAndSaysLiveUpdatesAreNotAvailable() throws Exception {
        when(api.getList(eq(Backend.SCHOOL), any())).thenReturn(List.of(
                Map.of("schoolId", "s-1", "name", "Northfield Academy")));
        assertThat(encounters.isRunning()).as("the listener started, on its own thread").isTrue();

        MvcTestResult stream = mvc.get().uri("http://127.0.0.1/hub/live")
                .with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HUB_COORDINATOR"))
                        .idToken(token -> token.subject("account-1").claim("tenantId", "hub-1"))
                        .userInfoToken(info -> info.claim("role", "HUB_COORDINATOR").claim("tenantId", "hub-1")))
                .asyncExchange();

        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(stream.getResponse().getContentAsString())
                .contains("event:live-status\ndata:Live updates are not available at the moment.");
    }
}
