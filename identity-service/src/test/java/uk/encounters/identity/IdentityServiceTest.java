package uk.encounters.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.identity.directory.HubDirectory;
import uk.encounters.identity.mail.Outbox;
import uk.encounters.infra.Infrastructure;
import uk.encounters.infra.JavaProcess;

/**
 * The identity-service on a real port (the issuer URL names it) against the test infrastructure's Kafka and MongoDB.
 * Every test class extends this one and adds nothing to the context, so they all share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(IdentityServiceTest.Clocks.class)
public abstract class IdentityServiceTest {

    protected static final Infrastructure INFRA = Infrastructure.forTests();
    protected static final int PORT = JavaProcess.freePort();
    protected static final String ISSUER = "http://localhost:" + PORT;
    protected static final String DATABASE = "identity-it-" + UUID.randomUUID();
    protected static final Path DATA = temporaryDirectory();
    protected static final String PASSWORD = "correct horse battery staple";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(ISSUER) + "/(invitations|registrations)/(\\S+)");

    @DynamicPropertySource
    static void identityService(DynamicPropertyRegistry registry) {
        INFRA.springProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("server.port", () -> PORT);
        registry.add("encounters.identity.issuer-uri", () -> ISSUER);
        registry.add("encounters.identity.data-directory", DATA::toString);
        registry.add("encounters.identity.outbox-page", () -> "true");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @Autowired
    protected MovableClock clock;
    @Autowired
    protected Outbox outbox;
    @Autowired
    protected HubDirectory directory;

    protected final Browser browser = new Browser(PORT);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static Properties bootstrapCredentials() {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(DATA.resolve("identity-bootstrap.properties"))) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credentials;
    }

    protected String adminToken() {
        Properties credentials = bootstrapCredentials();
        return browser.clientToken(credentials.getProperty("client.id"), credentials.getProperty("client.secret"));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String email(String who) {
        return unique(who) + "@example.org";
    }

    /** The secret of the newest invitation or confirmation link mailed to this address. */
    protected String mailedLinkSecret(String to) {
        return outbox.latest(500).stream().filter(mail -> mail.to().equals(to)).findFirst()
                .map(mail -> {
                    Matcher matcher = LINK.matcher(mail.text());
                    assertThat(matcher.find()).as("a link in " + mail.subject()).isTrue();
                    return matcher.group(2);
                })
                .orElseThrow(() -> new AssertionError("no mail to " + to));
    }

    protected void awaitHub(String hubId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.hubExists(hubId));
    }

    protected void awaitSchoolIn(String schoolId, String hubId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.hubOf(schoolId).filter(hubId::equals).isPresent());
    }

    /** A hub known to this service, with an active coordinator; returns the coordinator's email. */
    protected String coordinatorOf(String hubId, SchoolEvents events) {
        events.hubRegistered(hubId);
        awaitHub(hubId);
        String email = email("coordinator");
        HttpResponse<String> invited = browser.postJson("/api/v1/invitations",
                Map.of("email", email, "role", "HUB_COORDINATOR", "tenantId", hubId), adminToken());
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        accept(email);
        return email;
    }

    /** A confirmed employer account with {@link #PASSWORD}; returns its email. */
    protected String activeEmployer() {
        String email = email("employer");
        HttpResponse<String> registered = browser.postJson("/api/v1/employers/registrations",
                Map.of("email", email, "password", PASSWORD, "organisationName", "Acme Ltd"), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        HttpResponse<String> confirmed = browser.postJson("/api/v1/registrations/" + mailedLinkSecret(email)
                + "/confirm", Map.of(), null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return email;
    }

    /** An active careers leader of the school, invited by the coordinator whose token is given; returns the email. */
    protected String leaderOf(String schoolId, String coordinatorToken) {
        String email = email("leader");
        HttpResponse<String> invited = browser.postJson("/api/v1/invitations",
                Map.of("email", email, "role", "CAREERS_LEADER", "tenantId", schoolId), coordinatorToken);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        accept(email);
        return email;
    }

    protected void accept(String email) {
        HttpResponse<String> accepted = browser.postJson("/api/v1/invitations/" + mailedLinkSecret(email) + "/accept",
                Map.of("password", PASSWORD), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("identity-data");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
