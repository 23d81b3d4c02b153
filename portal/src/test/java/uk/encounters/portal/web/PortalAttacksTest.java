package uk.encounters.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attacks of issue 6 through the portal, signed in for real: identity-service and the three services are played
 * by one small HTTP server that behaves as they do (tokens signed with its own key; each resource answered only to
 * its owner's token, anyone else refused word for word as for an id never used, as AccessMatrix checks of the real
 * services). A careers leader or coordinator typing another tenant's id into a portal address sees the page of a
 * missing id and nothing of the other tenant; and the logs, with Spring Security at DEBUG, hold neither the sign-in's
 * code and tokens nor the pupils' names the pages show.
 */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false",
        "logging.level.org.springframework.security=DEBUG"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PortalAttacksTest {

    private static final String PORTAL = "http://127.0.0.1";
    private static final Platform PLATFORM = new Platform();
    /** Names nobody else uses, so the log check cannot be fooled by a coincidence. */
    private static final String FORENAME = "Zephyrine";
    private static final String SURNAME = "Quillfeather";

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        for (String service : List.of("identity", "school", "encounter", "reporting")) {
            registry.add("encounters.portal." + service, () -> PLATFORM.url);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anotherTenantsIdInAnAddressShowsThePageOfAMissingIdAndNothingOfTheOtherTenant() throws Exception {
        String schoolB = "school-b-" + UUID.randomUUID();
        PLATFORM.owns("token of B's careers leader", Map.of(
                "/api/v1/encounters/enc-b", Map.of("encounterId", "enc-b", "schoolId", schoolB,
                        "employerName", "Blackwater Foundry", "attendees", List.of("pupil-b")),
                "/api/v1/pupils/pupil-b/coverage", Map.of("pupilId", "pupil-b", "schoolId", schoolB),
                "/api/v1/schools/" + schoolB + "/pupils", List.of(pupil("pupil-b", "Ottoline", "Brackenbury"))));
        PLATFORM.owns("token of hub Y's coordinator", Map.of(
                "/api/v1/schools/s-y", Map.of("schoolId", "s-y", "name", "Southbank Secret Academy",
                        "hubId", "hub-y", "hubName", "Hub Y", "yearGroups", List.of(7)),
                "/api/v1/schools/s-y/coverage", Map.of("schoolId", "s-y", "academicYear", "2026/27")));
        SignedIn leaderA = signIn("CAREERS_LEADER", "school-a");
        SignedIn coordinatorX = signIn("HUB_COORDINATOR", "hub-x");

        Map<String, SignedIn> attempts = Map.of("/school/encounters/", leaderA, "/school/pupils/", leaderA,
                "/hub/schools/", coordinatorX);
        Map<String, String> othersIds = Map.of("/school/encounters/", "enc-b", "/school/pupils/", "pupil-b",
                "/hub/schools/", "s-y");
        for (Map.Entry<String, SignedIn> attempt : attempts.entrySet()) {
            String page = attempt.getKey();
            SignedIn viewer = attempt.getValue();
            String othersId = othersIds.get(page);
            String neverUsed = "never-used-" + UUID.randomUUID();
            PLATFORM.bearers.clear();

            MockHttpServletResponse others = render(viewer, page + othersId);
            MockHttpServletResponse missing = render(viewer, page + neverUsed);

            assertThat(others.getStatus()).as(page + othersId).isEqualTo(404);
            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(comparable(others, othersId)).as("another tenant's " + page + " reads as a missing one")
                    .isEqualTo(comparable(missing, neverUsed));
            assertThat(others.getContentAsString()).doesNotContain("Blackwater", "Ottoline", "Brackenbury",
                    "Southbank", "Hub Y", schoolB);
            assertThat(PLATFORM.bearers).as("the services were asked with the viewer's own token only")
                    .isNotEmpty().containsOnly("Bearer " + viewer.accessToken());
        }
    }

    @Test
    void logsCarryNoCodeNoTokenAndNoPupilName(CapturedOutput output) throws Exception {
        SignedIn leader = signIn("CAREERS_LEADER", "school-logs");
        PLATFORM.owns(leader.accessToken(), Map.of(
                "/api/v1/encounters/enc-a", Map.ofEntries(Map.entry("encounterId", "enc-a"),
                        Map.entry("schoolId", "school-logs"), Map.entry("employerId", "emp-1"),
                        Map.entry("employerName", "Tees Bridge Works"), Map.entry("activityType", "CAREERS_TALK"),
                        Map.entry("benchmarks", List.of("GB5")), Map.entry("date", "2026-10-20"),
                        Map.entry("academicYear", "2026/27"), Map.entry("hours", 1), Map.entry("mode", "IN_PERSON"),
                        Map.entry("status", "RECORDED"), Map.entry("attendees", List.of("pupil-a")),
                        Map.entry("attendeeCount", 1), Map.entry("checklist", Map.of("PURPOSE_SHARED", true)),
                        Map.entry("meaningful", Map.of("GB5", false)), Map.entry("framework", "V2024")),
                "/api/v1/schools/school-logs/pupils", List.of(pupil("pupil-a", FORENAME, SURNAME))));

        MockHttpServletResponse page = render(leader, "/school/encounters/enc-a");
        render(leader, "/school/encounters/enc-b");
        render(leader, "/hub/schools/s-y");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).as("the page names its pupils").contains(FORENAME + " " + SURNAME);
        assertThat(output.getAll()).as("Spring Security logged at DEBUG").contains("Retrieved SecurityContextImpl")
                .doesNotContain(leader.code(), leader.accessToken(), leader.idToken(), FORENAME, SURNAME)
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.");
    }

    // --- helpers

    private record SignedIn(MockHttpSession session, String code, String accessToken, String idToken) {
    }

    /** The authorization code flow as a browser runs it: to identity-service and back with a code. */
    private SignedIn signIn(String role, String tenant) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String authorize = mvc.perform(get(PORTAL + "/oauth2/authorization/platform").session(session)).andReturn()
                .getResponse().getHeader("Location");
        Map<String, String> query = UriComponentsBuilder.fromUriString(authorize).build().getQueryParams()
                .toSingleValueMap();
        String code = "code-" + UUID.randomUUID();
        Platform.Tokens tokens = PLATFORM.willGrant(code, decoded(query.get("nonce")), role, tenant);

        // In the address, as the browser brings it back (not as form parameters), so the logs see what they would.
        MockHttpServletResponse back = mvc.perform(get(PORTAL + "/login/oauth2/code/platform?code={code}&state={state}",
                code, decoded(query.get("state"))).session(session)).andReturn().getResponse();

        assertThat(back.getRedirectedUrl()).as("signed in").isNotNull().doesNotContain("error");
        return new SignedIn(session, code, tokens.access(), tokens.id());
    }

    private MockHttpServletResponse render(SignedIn viewer, String path) throws Exception {
        return mvc.perform(get(PORTAL + path).session(viewer.session())).andReturn().getResponse();
    }

    /** The page with the id asked for and the per-request CSRF token masked. */
    private static String comparable(MockHttpServletResponse page, String id) throws Exception {
        return page.getContentAsString().replace(id, "{id}")
                .replaceAll("(name=\"csrf-token\" content=|name=\"_csrf\" value=)\"[^\"]*\"", "$1\"\"");
    }

    private static Map<String, Object> pupil(String id, String forename, String surname) {
        return Map.of("pupilId", id, "forename", forename, "surname", surname, "yearGroup", 10,
                "admissionDate", "2022-09-01", "onRoll", true);
    }

    private static String decoded(String queryValue) {
        return URLDecoder.decode(queryValue, StandardCharsets.UTF_8);
    }

    /**
     * identity-service (its token endpoint, keys and account API) and the services, on one port. A resource is
     * answered only to its owner's token; anyone else gets the 404 of a path that was never used.
     */
    private static final class Platform {

        record Tokens(String access, String id) {
        }

        private record Grant(Tokens tokens, String role, String tenant) {
        }

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final String url;
        /** Every Authorization header the services (not identity-service) received. */
        final List<String> bearers = new CopyOnWriteArrayList<>();
        private final RSAKey key;
        private final Map<String, Grant> codes = new ConcurrentHashMap<>();
        private final Map<String, Grant> accounts = new ConcurrentHashMap<>();
        private final Map<String, Map.Entry<String, Object>> resources = new ConcurrentHashMap<>();

        Platform() {
            try {
                key = new RSAKeyGenerator(2048).keyID("portal-attacks").generate();
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", this::answer);
                server.start();
                url = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next exchange of this code gets tokens for this role and tenant, with the nonce the portal sent. */
        Tokens willGrant(String code, String nonce, String role, String tenant) {
            String subject = "acc-" + UUID.randomUUID();
            JWTClaimsSet.Builder common = new JWTClaimsSet.Builder().issuer(url).subject(subject)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
            Tokens tokens = new Tokens(signed(common.claim("role", role).claim("tenant", tenant).build()),
                    signed(common.audience("portal").claim("nonce", nonce).build()));
            codes.put(code, new Grant(tokens, role, tenant));
            return tokens;
        }

        /** These paths answer with these bodies to this token only. */
        void owns(String token, Map<String, Object> bodies) {
            bodies.forEach((path, body) -> resources.put(path, Map.entry(token, body)));
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            switch (path) {
                case "/oauth2/jwks" -> reply(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
                case "/oauth2/token" -> {
                    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String code = UriComponentsBuilder.fromUriString("?" + form).build().getQueryParams()
                            .getFirst("code");
                    Grant grant = codes.remove(decoded(code));
                    accounts.put(grant.tokens().access(), grant);
                    reply(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
                            "access_token", grant.tokens().access(), "id_token", grant.tokens().id(),
                            "token_type", "Bearer", "expires_in", 3600, "scope", "openid")));
                }
                case "/api/v1/account" -> {
                    Grant grant = accounts.get(bearer.substring("Bearer ".length()));
                    reply(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("role", grant.role(),
                            "tenantId", grant.tenant(), "email", "someone@example.org")));
                }
                default -> {
                    bearers.add(bearer);
                    Map.Entry<String, Object> owned = resources.get(path);
                    if (owned != null && bearer.equals("Bearer " + owned.getKey())) {
                        reply(exchange, 200, "application/json", JSON.writeValueAsString(owned.getValue()));
                    } else {
                        reply(exchange, 404, "application/problem+json", JSON.writeValueAsString(Map.of(
                                "type", "about:blank", "title", "Not Found", "status", 404,
                                "detail", "Nothing is known of " + path + ".", "instance", path)));
                    }
                }
            }
        }

        private String signed(JWTClaimsSet claims) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
