package uk.encounters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.identity.token.SigningKeys;
import uk.encounters.platform.security.testing.AccessMatrix;
import uk.encounters.platform.security.testing.AccessMatrix.Endpoint;

/**
 * identity-service's access matrix (its README's endpoint table, docs/access.md) over every endpoint of its JSON API,
 * with the tokens it issues itself: every role, the same role of another tenant, an admin's integration client, no
 * token and a forged one. A refusal must change none of its collections. The open endpoints (registration, link
 * secrets, the outbox page) answer everyone alike, so they are checked apart from the matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAccessTest extends IdentityServiceTest {

    static final String ADMIN = "admin";
    static final String ADMIN_CLIENT = "admin's integration client";
    static final String LEADER_A = "careers leader of A";
    static final String LEADER_B = "careers leader of B";
    static final String COORDINATOR_X = "coordinator of X (A's hub)";
    static final String COORDINATOR_Y = "coordinator of Y (B's hub)";
    static final String EMPLOYER_1 = "employer 1";
    static final String EMPLOYER_2 = "employer 2";
    static final String FORGED = "forged token";
    private static final List<String> PERSONS = List.of(ADMIN, LEADER_A, LEADER_B, COORDINATOR_X, COORDINATOR_Y,
            EMPLOYER_1, EMPLOYER_2);
    private static final List<String> STATE = List.of("accounts", "integration_clients", "one_time_links", "outbox");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoDatabase database;
    @Autowired
    SigningKeys signingKeys;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private SchoolEvents events;
    private String hubX;
    private String schoolA;
    /** A careers leader of A whom the matrix disables and enables. */
    private String spareLeaderOfA;

    @BeforeAll
    void accountsOfTwoHubs() {
        events = new SchoolEvents(INFRA.kafkaBootstrapServers());
        hubX = unique("hub-x");
        String hubY = unique("hub-y");
        tokens.put(COORDINATOR_X, signIn(coordinatorOf(hubX, events)));
        tokens.put(COORDINATOR_Y, signIn(coordinatorOf(hubY, events)));
        schoolA = unique("school-a");
        String schoolB = unique("school-b");
        events.schoolRegistered(schoolA, hubX);
        events.schoolRegistered(schoolB, hubY);
        awaitSchoolIn(schoolA, hubX);
        awaitSchoolIn(schoolB, hubY);
        tokens.put(LEADER_A, signIn(leaderOf(schoolA, tokens.get(COORDINATOR_X))));
        tokens.put(LEADER_B, signIn(leaderOf(schoolB, tokens.get(COORDINATOR_Y))));
        tokens.put(EMPLOYER_1, signIn(activeEmployer()));
        tokens.put(EMPLOYER_2, signIn(activeEmployer()));
        var credentials = bootstrapCredentials();
        tokens.put(ADMIN, new Browser(PORT).portalSignIn(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password")).accessToken());
        tokens.put(ADMIN_CLIENT, adminToken());
        tokens.put(FORGED, forgedAdminToken());
        spareLeaderOfA = subject(signIn(leaderOf(schoolA, tokens.get(COORDINATOR_X))));
    }

    @AfterAll
    void closePublisher() {
        events.close();
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAllowsItsRoleAndTenantAndRefusesEveryoneElse() {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        tokens.forEach((caller, token) -> callers.put(caller, () -> token));
        AccessMatrix matrix = new AccessMatrix(URI.create(ISSUER), callers, this::state);
        return matrix.tests(List.of(
                everyPerson(Endpoint.of("GET", "/api/v1/account", () -> "-"), 200).allow(ADMIN_CLIENT, 200),
                Endpoint.of("POST", "/api/v1/invitations", () -> schoolA, school -> json(Map.of(
                                "email", email("leader"), "role", "CAREERS_LEADER", "tenantId", school)))
                        .allow(COORDINATOR_X, 201).refuse(COORDINATOR_Y, 422)
                        .refuse(ADMIN, 422).refuse(ADMIN_CLIENT, 422).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).refuse(FORGED, 401),
                Endpoint.of("POST", "/api/v1/invitations", () -> hubX, hub -> json(Map.of(
                                "email", email("coordinator"), "role", "HUB_COORDINATOR", "tenantId", hub)))
                        .allow(ADMIN, 201).allow(ADMIN_CLIENT, 201)
                        .refuse(COORDINATOR_X, 422).refuse(COORDINATOR_Y, 422).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).refuse(FORGED, 401),
                everyPerson(Endpoint.of("POST", "/api/v1/account/clients", () -> "-",
                        id -> json(Map.of("name", "Nightly sync"))), 201).refuse(ADMIN_CLIENT, 403),
                everyPerson(Endpoint.of("GET", "/api/v1/account/clients", () -> "-"), 200).refuse(ADMIN_CLIENT, 403),
                Endpoint.of("DELETE", "/api/v1/account/clients/{clientId}", this::clientOfLeaderA)
                        .allow(LEADER_A, 204).refuse(LEADER_B, 404).refuse(COORDINATOR_X, 404)
                        .refuse(COORDINATOR_Y, 404).refuse(EMPLOYER_1, 404).refuse(EMPLOYER_2, 404)
                        .refuse(ADMIN, 404).refuse(ADMIN_CLIENT, 403).refuse(FORGED, 401),
                Endpoint.of("GET", "/api/v1/accounts", () -> "-")
                        .allow(ADMIN, 200).allow(ADMIN_CLIENT, 200).allow(COORDINATOR_X, 200)
                        .allow(COORDINATOR_Y, 200).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).refuse(FORGED, 401),
                managing(Endpoint.of("POST", "/api/v1/accounts/{accountId}/disable", () -> spareLeaderOfA)),
                managing(Endpoint.of("POST", "/api/v1/accounts/{accountId}/enable", () -> spareLeaderOfA))));
    }

    /** Every person's sign-in gets {@code status}; a forged token 401. */
    private static Endpoint everyPerson(Endpoint endpoint, int status) {
        PERSONS.forEach(person -> endpoint.allow(person, status));
        return endpoint.refuse(FORGED, 401);
    }

    /** Disabling or enabling careers leader of A: admins, and the coordinator of A's hub only. */
    private static Endpoint managing(Endpoint endpoint) {
        return endpoint.allow(COORDINATOR_X, 200).allow(ADMIN, 200).allow(ADMIN_CLIENT, 200)
                .refuse(COORDINATOR_Y, 404).refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(EMPLOYER_1, 403)
                .refuse(EMPLOYER_2, 403).refuse(FORGED, 401);
    }

    @Test
    void theOpenEndpointsAnswerEveryCallerAlikeAndAForgedTokenIsRefusedThereToo() {
        List<String> anyone = new ArrayList<>(PERSONS);
        anyone.add(ADMIN_CLIENT);
        anyone.add(null);
        for (String caller : anyone) {
            String token = caller == null ? null : tokens.get(caller);
            HttpResponse<String> accept = browser.postJson("/api/v1/invitations/unknown-secret/accept",
                    Map.of("password", PASSWORD), token);
            HttpResponse<String> confirm = browser.postJson("/api/v1/registrations/unknown-secret/confirm", Map.of(),
                    token);
            HttpResponse<String> register = browser.postJson("/api/v1/employers/registrations", Map.of(
                    "email", email("employer"), "password", PASSWORD, "organisationName", "Acme Ltd"), token);
            assertThat(accept.statusCode()).as(caller).isEqualTo(404);
            assertThat(confirm.statusCode()).as(caller).isEqualTo(404);
            assertThat(register.statusCode()).as(caller).isEqualTo(202);
        }
        for (String page : List.of("/invitations/unknown-secret", "/registrations/unknown-secret")) {
            assertThat(browser.get(page, "Accept", "text/html").statusCode()).isEqualTo(404);
        }
        assertThat(browser.get("/outbox", "Accept", "application/json").statusCode())
                .as("on in this test's configuration only").isEqualTo(200);
        Object before = state();
        HttpResponse<String> forged = browser.postJson("/api/v1/employers/registrations", Map.of(
                "email", email("employer"), "password", PASSWORD, "organisationName", "Acme Ltd"), tokens.get(FORGED));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aClientListNamesOnlyTheCallersOwnClients() {
        for (String person : List.of(LEADER_A, LEADER_B, EMPLOYER_1)) {
            browser.postJson("/api/v1/account/clients", Map.of("name", "Sync of " + person), tokens.get(person));
        }
        for (String person : PERSONS) {
            String owner = subject(tokens.get(person));
            JsonNode listed = Browser.json(browser.getWithToken("/api/v1/account/clients", tokens.get(person)));
            List<String> own = new ArrayList<>();
            database.getCollection("integration_clients").find(new Document("owner", owner))
                    .forEach(doc -> own.add(doc.getString("clientId")));
            assertThat(listed).extracting(client -> client.get("clientId").asString()).as(person)
                    .containsExactlyInAnyOrderElementsOf(own);
        }
    }

    private String clientOfLeaderA() {
        HttpResponse<String> created = browser.postJson("/api/v1/account/clients", Map.of("name", "To revoke"),
                tokens.get(LEADER_A));
        assertThat(created.statusCode()).isEqualTo(201);
        return Browser.json(created).get("clientId").asString();
    }

    /** Everything a request could change: accounts, clients, links and mail. */
    private Object state() {
        List<List<String>> collections = new ArrayList<>();
        for (String name : STATE) {
            List<String> docs = new ArrayList<>();
            database.getCollection(name).find().forEach(doc -> docs.add(doc.toJson()));
            docs.sort(null);
            collections.add(docs);
        }
        return collections;
    }

    private String signIn(String email) {
        return new Browser(PORT).portalSignIn(email, PASSWORD).accessToken();
    }

    /** The admin's claims, from this issuer, under the signing key's id, but signed with another key. */
    private String forgedAdminToken() {
        try {
            RSAKey impostor = new RSAKeyGenerator(2048).keyID(signingKeys.publicKey().getKeyID()).generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject(tokens.get(ADMIN)))
                    .claim("role", "PLATFORM_ADMIN").issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(900))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostor.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(impostor));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String json(Object body) {
        return JSON.writeValueAsString(body);
    }
}
