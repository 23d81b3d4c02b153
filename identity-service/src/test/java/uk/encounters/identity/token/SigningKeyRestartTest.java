package uk.encounters.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceApplication;
import uk.encounters.identity.IdentityServiceTest;
import uk.encounters.infra.JavaProcess;

/** A second start of the service on the same database, as after a restart (or a second node). */
class SigningKeyRestartTest extends IdentityServiceTest {

    @Test
    void aRestartKeepsTheSigningKeySoTokensIssuedBeforeStillValidate() {
        String issuedBefore = adminToken();
        String keysBefore = browser.get("/oauth2/jwks").body();
        int port = JavaProcess.freePort();
        Map<String, Object> properties = new HashMap<>(INFRA.springProperties(DATABASE));
        properties.put("server.port", port);
        properties.put("encounters.identity.issuer-uri", ISSUER);
        properties.put("encounters.identity.data-directory", DATA.toString());
        // The running instance keeps consuming school events; this one stays out of its consumer group.
        properties.put("spring.kafka.listener.auto-startup", "false");

        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run(arguments)) {
            Browser afterRestart = new Browser(port);

            assertThat(afterRestart.get("/oauth2/jwks").body()).isEqualTo(keysBefore);
            assertThat(afterRestart.getWithToken("/api/v1/account", issuedBefore).statusCode()).isEqualTo(200);
            Properties credentials = bootstrapCredentials();
            String issuedAfter = afterRestart.clientToken(credentials.getProperty("client.id"),
                    credentials.getProperty("client.secret"));
            assertThat(browser.getWithToken("/api/v1/account", issuedAfter).statusCode()).isEqualTo(200);
        }
    }
}
