package uk.encounters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Runs every flow that handles a secret (registration, confirmation, sign-in, code exchange, client creation,
 * client-credentials grant, invitation and acceptance) with this service's own loggers at DEBUG, and checks that no
 * password, link secret, client secret or token reached the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends IdentityServiceTest {

    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quietAgain() {
        logging.setLogLevel("uk.encounters", null);
    }

    @Test
    void noPasswordLinkSecretClientSecretOrTokenAppearsInTheLog(CapturedOutput output) {
        logging.setLogLevel("uk.encounters", LogLevel.DEBUG);
        List<String> secrets = new ArrayList<>();
        String employerPassword = "employer " + Browser.randomUrlSafe(12);
        secrets.add(employerPassword);
        String employer = email("employer");

        browser.postJson("/api/v1/employers/registrations",
                Map.of("email", employer, "password", employerPassword, "organisationName", "Logged Ltd"), null);
        String confirmation = mailedLinkSecret(employer);
        secrets.add(confirmation);
        browser.postJson("/api/v1/registrations/" + confirmation + "/confirm", Map.of(), null);
        browser.login(employer, "a wrong password " + employerPassword);
        Browser.Tokens tokens = new Browser(PORT).portalSignIn(employer, employerPassword);
        secrets.add(tokens.accessToken());
        secrets.add(tokens.idToken());
        JsonNode client = Browser.json(browser.postJson("/api/v1/account/clients", Map.of("name", "Logged"),
                tokens.accessToken()));
        secrets.add(client.get("clientSecret").asString());
        secrets.add(browser.clientToken(client.get("clientId").asString(), client.get("clientSecret").asString()));
        String adminToken = adminToken();
        secrets.add(adminToken);
        secrets.add(bootstrapCredentials().getProperty("client.secret"));
        secrets.add(bootstrapCredentials().getProperty("admin.password"));

        String hub = unique("hub");
        try (SchoolEvents events = new SchoolEvents(INFRA.kafkaBootstrapServers())) {
            events.hubRegistered(hub);
        }
        awaitHub(hub);
        String coordinator = email("coordinator");
        HttpResponse<String> invited = browser.postJson("/api/v1/invitations",
                Map.of("email", coordinator, "role", "HUB_COORDINATOR", "tenantId", hub), adminToken);
        assertThat(invited.statusCode()).isEqualTo(201);
        String invitation = mailedLinkSecret(coordinator);
        secrets.add(invitation);
        String coordinatorPassword = "coordinator " + Browser.randomUrlSafe(12);
        secrets.add(coordinatorPassword);
        assertThat(browser.postJson("/api/v1/invitations/" + invitation + "/accept",
                Map.of("password", coordinatorPassword), null).statusCode()).isEqualTo(200);

        assertThat(output.getAll()).contains("signed in");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getAll()).doesNotContain("Using generated security password");
    }
}
