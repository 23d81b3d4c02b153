package uk.encounters.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import tools.jackson.databind.JsonNode;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;
import uk.encounters.identity.SchoolEvents;
import uk.encounters.identity.token.IssuedAuthorizations;

/**
 * Offboarding: admins disable and enable any account, a coordinator the careers leaders of their own hub's schools;
 * a disabled account cannot sign in (and learns why only with its right password), its integration clients get no
 * tokens, and its sign-ins end at once; who did it and when is kept on the account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffboardingTest extends IdentityServiceTest {

    private SchoolEvents events;

    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    @Autowired
    MongoDatabase database;
    @Autowired
    IssuedAuthorizations authorizations;

    private String schoolA;
    private String schoolB;
    private String coordinatorX;
    private String coordinatorY;

    /** Hub X with school A, hub Y with school B, each with an active coordinator. */
    @BeforeAll
    void twoHubs() {
        events = new SchoolEvents(INFRA.kafkaBootstrapServers());
        String hubX = unique("hub-x");
        String hubY = unique("hub-y");
        coordinatorX = new Browser(PORT).portalSignIn(coordinatorOf(hubX, events), PASSWORD).accessToken();
        coordinatorY = new Browser(PORT).portalSignIn(coordinatorOf(hubY, events), PASSWORD).accessToken();
        schoolA = unique("school-a");
        schoolB = unique("school-b");
        events.schoolRegistered(schoolA, hubX);
        events.schoolRegistered(schoolB, hubY);
        awaitSchoolIn(schoolA, hubX);
        awaitSchoolIn(schoolB, hubY);
    }

    @AfterAll
    void closePublisher() {
        events.close();
    }

    @Test
    void aDisabledLeaderCannotSignInNorGetClientTokensUntilEnabledAgainAndHearsWhyOnlyWithTheRightPassword() {
        String leader = leaderOf(schoolA, coordinatorX);
        String leaderToken = new Browser(PORT).portalSignIn(leader, PASSWORD).accessToken();
        String leaderId = subject(leaderToken);
        JsonNode client = Browser.json(browser.postJson("/api/v1/account/clients", Map.of("name", "MIS sync"),
                leaderToken));
        String clientId = client.get("clientId").asString();
        String secret = client.get("clientSecret").asString();
        assertThat(browser.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = browser.postJson("/api/v1/accounts/" + leaderId + "/disable", Map.of(),
                coordinatorX);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        JsonNode view = Browser.json(disabled);
        assertThat(view.get("status").asString()).isEqualTo("DISABLED");
        assertThat(view.get("disabledBy").asString()).isEqualTo(subject(coordinatorX));
        assertThat(view.get("disabledAt").isNull()).isFalse();
        HttpResponse<String> rightPassword = new Browser(PORT).login(leader, PASSWORD);
        HttpResponse<String> wrongPassword = new Browser(PORT).login(leader, "not the password at all");
        assertThat(Browser.location(rightPassword)).endsWith("/login/disabled");
        assertThat(browser.get("/login/disabled", "Accept", "text/html").body()).contains("Your account is disabled");
        assertThat(Browser.location(wrongPassword)).as("without the password, a disabled account is any refusal")
                .endsWith("/login?error");
        HttpResponse<String> clientToken = browser.clientCredentials(clientId, secret);
        assertThat(clientToken.statusCode()).isEqualTo(401);
        assertThat(clientToken.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(browser.getWithToken("/api/v1/account", leaderToken).statusCode())
                .as("this service's own API refuses the account's tokens at once").isEqualTo(401);

        HttpResponse<String> enabled = browser.postJson("/api/v1/accounts/" + leaderId + "/enable", Map.of(),
                coordinatorX);

        assertThat(Browser.json(enabled).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(Browser.json(enabled).get("disabledBy").isNull()).isTrue();
        assertThat(Browser.location(new Browser(PORT).login(leader, PASSWORD))).doesNotContain("/login");
        assertThat(browser.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);
        List<Document> history = database.getCollection("accounts").find(new Document("_id", leaderId)).first()
                .getList("statusChanges", Document.class);
        assertThat(history).extracting(change -> change.getString("status")).containsExactly("DISABLED", "ACTIVE");
        assertThat(history).extracting(change -> change.getString("by")).containsOnly(subject(coordinatorX));
    }

    @Test
    void disablingEndsTheAccountsSignInsAtOnce() {
        String leader = leaderOf(schoolA, coordinatorX);
        Browser person = new Browser(PORT);
        String leaderToken = person.portalSignIn(leader, PASSWORD).accessToken();
        // A code issued but not yet redeemed, as the portal holds it for a moment.
        String verifier = Browser.randomUrlSafe(32);
        String callback = Browser.location(person.get("/oauth2/authorize?response_type=code&client_id=portal"
                + "&scope=openid&state=s&redirect_uri=" + Browser.PORTAL_REDIRECT + "&code_challenge="
                + Browser.challenge(verifier) + "&code_challenge_method=S256", "Accept", "text/html"));
        String code = URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertThat(browser.getWithToken("/userinfo", leaderToken).statusCode()).isEqualTo(200);
        assertThat(authorizations.findByToken(code, CODE)).isNotNull();

        browser.postJson("/api/v1/accounts/" + subject(leaderToken) + "/disable", Map.of(), adminPersonToken());

        assertThat(authorizations.findByToken(code, CODE)).as("the sign-in's authorization is forgotten").isNull();
        assertThat(authorizations.findByToken(leaderToken, OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(browser.getWithToken("/userinfo", leaderToken).statusCode()).isEqualTo(401);
        HttpResponse<String> exchanged = person.exchange(code, verifier);
        assertThat(exchanged.statusCode()).isEqualTo(400);
        assertThat(exchanged.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    @Test
    void aCoordinatorListsAndDisablesTheCareersLeadersOfTheirOwnHubsSchoolsOnly() {
        String leaderA = leaderOf(schoolA, coordinatorX);
        String leaderB = leaderOf(schoolB, coordinatorY);
        String leaderBId = accountId(leaderB);
        String employerId = accountId(activeEmployer());
        String coordinatorYId = subject(coordinatorY);
        String adminId = subject(adminPersonToken());
        long before = database.getCollection("accounts").countDocuments(new Document("status", "DISABLED"));

        for (String other : List.of(leaderBId, employerId, coordinatorYId, adminId)) {
            HttpResponse<String> refused = browser.postJson("/api/v1/accounts/" + other + "/disable", Map.of(),
                    coordinatorX);
            HttpResponse<String> unknown = browser.postJson("/api/v1/accounts/acc-unknown/disable", Map.of(),
                    coordinatorX);
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body().replace(other, "{id}")).isEqualTo(unknown.body().replace("acc-unknown", "{id}"));
        }

        assertThat(database.getCollection("accounts").countDocuments(new Document("status", "DISABLED")))
                .isEqualTo(before);
        JsonNode listed = Browser.json(browser.getWithToken("/api/v1/accounts", coordinatorX));
        assertThat(listed).extracting(account -> account.get("email").asString()).contains(leaderA)
                .doesNotContain(leaderB);
        assertThat(listed).extracting(account -> account.get("tenantId").asString()).containsOnly(schoolA);
        assertThat(listed).extracting(account -> account.get("invitedBy").asString())
                .containsOnly(subject(coordinatorX));
        assertThat(Browser.json(browser.getWithToken("/api/v1/accounts?role=EMPLOYER", coordinatorX))).isEmpty();
        assertThat(Browser.json(browser.getWithToken("/api/v1/accounts?tenantId=" + schoolB, coordinatorX)))
                .isEmpty();
        JsonNode schoolBForAdmin = Browser.json(browser.getWithToken("/api/v1/accounts?role=CAREERS_LEADER&tenantId="
                + schoolB, adminPersonToken()));
        assertThat(schoolBForAdmin).extracting(account -> account.get("email").asString()).containsExactly(leaderB);
    }

    @Test
    void anAdminDisablesAnyAccountButItsOwnAndEnablingGivesBackTheStatusItHadBefore() {
        String admin = adminPersonToken();
        String invited = email("leader");
        browser.postJson("/api/v1/invitations", Map.of("email", invited, "role", "CAREERS_LEADER", "tenantId",
                schoolA), coordinatorX);
        String invitedId = accountId(invited);
        String link = mailedLinkSecret(invited);

        HttpResponse<String> own = browser.postJson("/api/v1/accounts/" + subject(admin) + "/disable", Map.of(),
                admin);
        String coordinatorZ = new Browser(PORT).portalSignIn(coordinatorOf(unique("hub-z"), events), PASSWORD)
                .accessToken();
        HttpResponse<String> coordinator = browser.postJson("/api/v1/accounts/" + subject(coordinatorZ)
                + "/disable", Map.of(), admin);
        browser.postJson("/api/v1/accounts/" + invitedId + "/disable", Map.of(), admin);
        HttpResponse<String> acceptWhileDisabled = browser.postJson("/api/v1/invitations/" + link + "/accept",
                Map.of("password", PASSWORD), null);
        HttpResponse<String> enabled = browser.postJson("/api/v1/accounts/" + invitedId + "/enable", Map.of(), admin);

        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(coordinator.statusCode()).isEqualTo(200);
        assertThat(Browser.json(coordinator).get("status").asString()).isEqualTo("DISABLED");
        assertThat(acceptWhileDisabled.statusCode()).isEqualTo(404);
        assertThat(browser.postJson("/api/v1/invitations", Map.of("email", email("leader"), "role", "CAREERS_LEADER",
                "tenantId", unique("school")), coordinatorZ).statusCode())
                .as("a disabled coordinator's token invites no more").isEqualTo(401);
        assertThat(Browser.json(enabled).get("status").asString()).isEqualTo("INVITED");
        // The link tried while disabled is spent; inviting again sends a new one, which works.
        browser.postJson("/api/v1/invitations", Map.of("email", invited, "role", "CAREERS_LEADER", "tenantId",
                schoolA), coordinatorX);
        assertThat(browser.postJson("/api/v1/invitations/" + mailedLinkSecret(invited) + "/accept",
                Map.of("password", PASSWORD), null).statusCode()).isEqualTo(200);
    }

    private String adminPersonToken() {
        var credentials = bootstrapCredentials();
        return new Browser(PORT).portalSignIn(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password")).accessToken();
    }

    private String accountId(String email) {
        return database.getCollection("accounts").find(new Document("email", email)).first().getString("_id");
    }

    static String subject(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
