package uk.encounters.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * The resource-server side every service gets: real RS256 tokens from a test issuer whose keys are fetched over HTTP,
 * the caller read from the claims, problem details for 401 and 403, and the forgeries an attacker would try refused.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceServerTest {

    /** Its own issuer, so the count of key fetches is this context's alone. */
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Infrastructure.forTests().springProperties("security-" + UUID.randomUUID().toString().substring(0, 8))
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add(TestIssuer.ISSUER_PROPERTY, ISSUER::issuerUri);
        registry.add("axon.axonserver.enabled", () -> "false");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    @Order(1) // before any other request of this context
    void aValidTokenNamesTheCallerAndTheKeysWereFetchedOnlyWhenFirstNeeded() throws Exception {
        int fetchesAtStart = ISSUER.keyFetches();

        var reply = get("/api/v1/me", ISSUER.as("CAREERS_LEADER", "school-7").subject("acc-42").mint());

        assertThat(fetchesAtStart).as("keys fetched at start-up").isZero();
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"accountId\":\"acc-42\",\"role\":\"CAREERS_LEADER\",\"tenantId\":\"school-7\"}");
        assertThat(ISSUER.keyFetches()).isEqualTo(1);
    }

    @Test
    void theActingUserOnCommandsIsTheTokensAccountId() throws Exception {
        var reply = send(HttpRequest.newBuilder(uri("/api/v1/acting-user"))
                .header("Authorization", "Bearer " + ISSUER.as("EMPLOYER", "emp-1").subject("acc-emp-9").mint())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.body()).isEqualTo("{\"actingUser\":\"acc-emp-9\"}");
    }

    @Test
    void aMissingTokenIsA401ProblemWithABearerChallenge() throws Exception {
        var reply = get("/api/v1/me", null);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(reply.body()).contains("\"status\":401", "\"detail\":\"Sign in:", "\"instance\":\"/api/v1/me\"");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", ISSUER.as("PLATFORM_ADMIN", null).expiredAgo(Duration.ofMinutes(5)).mint()),
                Arguments.of("signed by another key", ISSUER.as("PLATFORM_ADMIN", null).signedByAnotherKey().mint()),
                Arguments.of("from another issuer", ISSUER.as("PLATFORM_ADMIN", null)
                        .issuedBy("https://issuer.example").mint()),
                Arguments.of("unsigned (alg none)", ISSUER.as("PLATFORM_ADMIN", null).unsigned().mint()),
                Arguments.of("payload edited after signing", editedPayload()),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of("no role", ISSUER.as("PLATFORM_ADMIN", null).claim("role", null).mint()),
                Arguments.of("a role the platform does not know", ISSUER.as("SUPERUSER", null).mint()),
                Arguments.of("a careers leader without a school", ISSUER.as("CAREERS_LEADER", null).mint()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsA401ProblemThatDoesNotRepeatTheToken(String what, String token) throws Exception {
        var reply = get("/api/v1/me", token);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.body()).doesNotContain(token);
        assertThat(reply.headers().firstValue("WWW-Authenticate").orElse("")).doesNotContain(token);
    }

    @Test
    void aWrongRoleIsA403ProblemNamingRolesOnly() throws Exception {
        var reply = get("/api/v1/admin-only", ISSUER.employer("emp-1"));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).contains("\"status\":403",
                "This is for a platform admin; you are signed in as an employer.");
    }

    @Test
    void healthPrometheusAndTheApiDocumentNeedNoToken() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void noSessionIsCreated() throws Exception {
        var reply = get("/api/v1/me", ISSUER.hubCoordinator("hub-1"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** A careers leader's signed token with its role changed to admin: the signature no longer matches. */
    private static String editedPayload() {
        String[] parts = ISSUER.careersLeader("school-1").split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"CAREERS_LEADER\"", "\"PLATFORM_ADMIN\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "." + parts[2];
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
