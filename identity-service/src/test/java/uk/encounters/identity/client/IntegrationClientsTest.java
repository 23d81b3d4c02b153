package uk.encounters.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;
import uk.encounters.identity.SchoolEvents;

class IntegrationClientsTest extends IdentityServiceTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aClientShowsItsSecretOnceStoresItHashedAndGetsTokensActingAsItsOwner() throws Exception {
        String hub = unique("hub");
        String coordinator;
        try (SchoolEvents events = new SchoolEvents(INFRA.kafkaBootstrapServers())) {
            coordinator = coordinatorOf(hub, events);
        }
        String personToken = browser.portalSignIn(coordinator, PASSWORD).accessToken();
        String owner = SignedJWT.parse(personToken).getJWTClaimsSet().getSubject();

        HttpResponse<String> created = browser.postJson("/api/v1/account/clients", Map.of("name", "Nightly sync"),
                personToken);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode client = Browser.json(created);
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(clientId).startsWith("cli-");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        Document stored = database.getCollection("integration_clients").find(new Document("clientId", clientId))
                .first();
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(stored.getString("secretHash")).startsWith("{bcrypt}");
        assertThat(encoder.matches(secret, stored.getString("secretHash"))).isTrue();

        JsonNode listed = Browser.json(browser.getWithToken("/api/v1/account/clients", personToken));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("clientId").asString()).isEqualTo(clientId);
        assertThat(listed.get(0).get("name").asString()).isEqualTo("Nightly sync");
        assertThat(listed.toString()).doesNotContain(secret).doesNotContain("clientSecret");

        var claims = SignedJWT.parse(browser.clientToken(clientId, secret)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(owner);
        assertThat(claims.getStringClaim("role")).isEqualTo("HUB_COORDINATOR");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(hub);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
    }

    @Test
    void aRevokedClientGetsNoTokenAndOnlyItsOwnerCanRevokeIt() {
        var credentials = bootstrapCredentials();
        String adminPerson = browser.portalSignIn(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password")).accessToken();
        JsonNode client = Browser.json(browser.postJson("/api/v1/account/clients", Map.of("name", "Temporary"),
                adminPerson));
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(browser.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

        String hub = unique("hub");
        String other;
        try (SchoolEvents events = new SchoolEvents(INFRA.kafkaBootstrapServers())) {
            other = coordinatorOf(hub, events);
        }
        String otherPerson = new Browser(PORT).portalSignIn(other, PASSWORD).accessToken();
        HttpResponse<String> byStranger = browser.delete("/api/v1/account/clients/" + clientId, otherPerson);
        HttpResponse<String> unknown = browser.delete("/api/v1/account/clients/cli-nothing", otherPerson);
        assertThat(byStranger.statusCode()).isEqualTo(404);
        assertThat(Browser.json(byStranger).get("detail").asString())
                .isEqualTo("You have no integration client " + clientId + ".");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(browser.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = browser.delete("/api/v1/account/clients/" + clientId, adminPerson);

        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> afterwards = browser.clientCredentials(clientId, secret);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(Browser.json(browser.getWithToken("/api/v1/account/clients", adminPerson)).toString())
                .doesNotContain(clientId);
    }

    @Test
    void anIntegrationClientCannotManageClientsAndANamelessClientIsRefused() {
        String clientToken = adminToken();
        var credentials = bootstrapCredentials();
        String person = browser.portalSignIn(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password")).accessToken();
        long before = database.getCollection("integration_clients").countDocuments();

        HttpResponse<String> byClient = browser.postJson("/api/v1/account/clients", Map.of("name", "More"),
                clientToken);
        HttpResponse<String> nameless = browser.postJson("/api/v1/account/clients", Map.of("name", " "), person);

        assertThat(byClient.statusCode()).isEqualTo(403);
        assertThat(byClient.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(Browser.json(nameless).get("errors").toString()).contains("\"field\":\"name\"");
        assertThat(database.getCollection("integration_clients").countDocuments()).isEqualTo(before);
    }
}
