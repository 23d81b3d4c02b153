package uk.encounters.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;
import uk.encounters.identity.SchoolEvents;

/** Admin invites coordinators of known hubs; coordinators invite careers leaders of their own hub's schools. */
class InvitationsTest extends IdentityServiceTest {

    private static SchoolEvents events;

    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void publisher() {
        events = new SchoolEvents(INFRA.kafkaBootstrapServers());
    }

    @AfterAll
    static void closePublisher() {
        events.close();
    }

    @Test
    void anAdminInvitesACoordinatorOfAKnownHubWhoChoosesAPasswordThroughTheMailedLinkAndSignsIn() throws Exception {
        String hub = unique("hub");
        events.hubRegistered(hub);
        awaitHub(hub);
        String email = email("coordinator");

        HttpResponse<String> invited = browser.postJson("/api/v1/invitations",
                Map.of("email", email, "role", "HUB_COORDINATOR", "tenantId", hub), adminToken());

        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(Browser.json(invited).get("email").asString()).isEqualTo(email);
        assertThatThrownBy(() -> browser.portalSignIn(email, PASSWORD)).as("no password yet")
                .isInstanceOf(Browser.SignInRefused.class);
        String secret = mailedLinkSecret(email);
        String page = browser.get("/invitations/" + secret, "Accept", "text/html").body();
        assertThat(page).contains("Choose your password");

        HttpResponse<String> accepted = browser.postForm("/invitations/" + secret,
                Map.of("password", PASSWORD, "_csrf", Browser.csrfOf(page)), "Accept", "text/html");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Account activated");
        var claims = SignedJWT.parse(new Browser(PORT).portalSignIn(email, PASSWORD).accessToken()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("role")).isEqualTo("HUB_COORDINATOR");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(hub);
        assertThat(database.getCollection("one_time_links").find(new Document("accountId", claims.getSubject()))
                .first()).as("the link is used up").isNull();
        String admin = SignedJWT.parse(adminToken()).getJWTClaimsSet().getSubject();
        assertThat(database.getCollection("accounts").find(new Document("_id", claims.getSubject())).first()
                .getString("invitedBy")).as("the inviter is recorded").isEqualTo(admin);
    }

    @Test
    void anUnknownHubOrAnotherRoleIsRefusedAndNothingIsCreated() {
        String email = email("coordinator");

        HttpResponse<String> unknownHub = browser.postJson("/api/v1/invitations",
                Map.of("email", email, "role", "HUB_COORDINATOR", "tenantId", "no-such-hub"), adminToken());
        HttpResponse<String> leader = browser.postJson("/api/v1/invitations",
                Map.of("email", email, "role", "CAREERS_LEADER", "tenantId", "some-school"), adminToken());
        HttpResponse<String> malformed = browser.postJson("/api/v1/invitations",
                Map.of("email", "not an email", "role", "WIZARD"), adminToken());

        assertThat(unknownHub.statusCode()).isEqualTo(422);
        assertThat(Browser.json(unknownHub).get("errors").toString()).contains("\"field\":\"tenantId\"");
        assertThat(leader.statusCode()).isEqualTo(422);
        assertThat(Browser.json(leader).get("errors").toString()).contains("\"field\":\"role\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(database.getCollection("accounts").find(new Document("email", email)).first()).isNull();
        assertThat(outbox.latest(500)).noneMatch(mail -> mail.to().equals(email));
    }

    @Test
    void aCoordinatorInvitesCareersLeadersOfTheirOwnHubsSchoolsOnly() throws Exception {
        String hubX = unique("hub-x");
        String hubY = unique("hub-y");
        String coordinator = coordinatorOf(hubX, events);
        events.hubRegistered(hubY);
        String ours = unique("school");
        String theirs = unique("school");
        events.schoolRegistered(ours, hubX);
        events.schoolRegistered(theirs, hubY);
        awaitSchoolIn(ours, hubX);
        awaitSchoolIn(theirs, hubY);
        String token = browser.portalSignIn(coordinator, PASSWORD).accessToken();
        String leaderEmail = email("leader");

        HttpResponse<String> forTheirs = browser.postJson("/api/v1/invitations",
                Map.of("email", leaderEmail, "role", "CAREERS_LEADER", "tenantId", theirs), token);
        HttpResponse<String> forNoSchool = browser.postJson("/api/v1/invitations",
                Map.of("email", leaderEmail, "role", "CAREERS_LEADER", "tenantId", theirs + "-x"), token);
        HttpResponse<String> aCoordinator = browser.postJson("/api/v1/invitations",
                Map.of("email", leaderEmail, "role", "HUB_COORDINATOR", "tenantId", hubX), token);
        HttpResponse<String> forOurs = browser.postJson("/api/v1/invitations",
                Map.of("email", leaderEmail, "role", "CAREERS_LEADER", "tenantId", ours), token);

        assertThat(forTheirs.statusCode()).isEqualTo(422);
        assertThat(forNoSchool.statusCode()).isEqualTo(422);
        assertThat(Browser.json(forTheirs).get("detail").asString())
                .isEqualTo("No school " + theirs + " is known in your hub.");
        assertThat(aCoordinator.statusCode()).isEqualTo(422);
        assertThat(forOurs.statusCode()).isEqualTo(201);
        accept(leaderEmail);
        var claims = SignedJWT.parse(new Browser(PORT).portalSignIn(leaderEmail, PASSWORD).accessToken())
                .getJWTClaimsSet();
        assertThat(claims.getStringClaim("role")).isEqualTo("CAREERS_LEADER");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(ours);
    }

    @Test
    void aSchoolThatMovedToAnotherHubCanNoLongerBeInvitedForByItsOldCoordinator() {
        String hubX = unique("hub-x");
        String hubY = unique("hub-y");
        String coordinator = coordinatorOf(hubX, events);
        String school = unique("school");
        events.schoolRegistered(school, hubX);
        events.hubRegistered(hubY);
        events.schoolMoved(school, hubX, hubY, 1);
        awaitSchoolIn(school, hubY);
        String token = browser.portalSignIn(coordinator, PASSWORD).accessToken();

        HttpResponse<String> refused = browser.postJson("/api/v1/invitations",
                Map.of("email", email("leader"), "role", "CAREERS_LEADER", "tenantId", school), token);

        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    void onlyAdminsAndCoordinatorsInvite() {
        String employer = activeEmployer();
        String token = browser.portalSignIn(employer, PASSWORD).accessToken();

        HttpResponse<String> refused = browser.postJson("/api/v1/invitations",
                Map.of("email", email("x"), "role", "CAREERS_LEADER", "tenantId", "any-school"), token);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Browser.json(refused).get("detail").asString()).isEqualTo("Your role does not allow this request.");
    }

    @Test
    void anInvitationLinkWorksOnceAndNotAfterItExpires() {
        String hub = unique("hub");
        events.hubRegistered(hub);
        awaitHub(hub);
        String first = email("coordinator");
        String second = email("coordinator");
        browser.postJson("/api/v1/invitations", Map.of("email", first, "role", "HUB_COORDINATOR", "tenantId", hub),
                adminToken());
        browser.postJson("/api/v1/invitations", Map.of("email", second, "role", "HUB_COORDINATOR", "tenantId", hub),
                adminToken());
        String firstSecret = mailedLinkSecret(first);
        String secondSecret = mailedLinkSecret(second);

        HttpResponse<String> weakPassword = accept(firstSecret, "short");
        HttpResponse<String> used = accept(firstSecret, PASSWORD);
        HttpResponse<String> again = accept(firstSecret, "another long password");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        HttpResponse<String> expired = accept(secondSecret, PASSWORD);

        assertThat(weakPassword.statusCode()).as("a refused password does not use the link up").isEqualTo(422);
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(Browser.json(used).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(Browser.json(expired).get("detail").asString()).isEqualTo(Browser.json(again).get("detail")
                .asString());
        clock.reset();
        assertThatThrownBy(() -> new Browser(PORT).portalSignIn(second, PASSWORD))
                .isInstanceOf(Browser.SignInRefused.class);
    }

    @Test
    void invitingAgainReplacesTheEarlierLink() {
        String hub = unique("hub");
        events.hubRegistered(hub);
        awaitHub(hub);
        String email = email("coordinator");
        Map<String, String> body = Map.of("email", email, "role", "HUB_COORDINATOR", "tenantId", hub);
        browser.postJson("/api/v1/invitations", body, adminToken());
        String earlier = mailedLinkSecret(email);

        HttpResponse<String> reinvited = browser.postJson("/api/v1/invitations", body, adminToken());
        String later = mailedLinkSecret(email);

        assertThat(reinvited.statusCode()).isEqualTo(201);
        assertThat(later).isNotEqualTo(earlier);
        assertThat(accept(earlier, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(accept(later, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void invitingAnEmailThatHasAnAccountAnswersAsForANewOneCreatesNothingAndTellsItsHolder() {
        String hub = unique("hub");
        events.hubRegistered(hub);
        awaitHub(hub);
        String taken = activeEmployer();
        String fresh = email("coordinator");
        Document before = database.getCollection("accounts").find(new Document("email", taken)).first();
        long accounts = database.getCollection("accounts").countDocuments();
        long links = database.getCollection("one_time_links").countDocuments();

        HttpResponse<String> forTaken = browser.postJson("/api/v1/invitations",
                Map.of("email", taken, "role", "HUB_COORDINATOR", "tenantId", hub), adminToken());

        assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(accounts);
        assertThat(database.getCollection("one_time_links").countDocuments()).as("no link issued").isEqualTo(links);
        assertThat(database.getCollection("accounts").find(new Document("email", taken)).first()).isEqualTo(before);
        var notice = outbox.latest(500).stream().filter(mail -> mail.to().equals(taken)).findFirst().orElseThrow();
        assertThat(notice.subject()).isEqualTo("Someone tried to invite your email address");
        assertThat(notice.text()).contains("has an account already").doesNotContain("/invitations/");

        HttpResponse<String> forFresh = browser.postJson("/api/v1/invitations",
                Map.of("email", fresh, "role", "HUB_COORDINATOR", "tenantId", hub), adminToken());

        assertThat(forTaken.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(201);
        assertThat(forTaken.headers().firstValue("Content-Type")).isEqualTo(forFresh.headers()
                .firstValue("Content-Type"));
        var takenBody = Browser.json(forTaken);
        var freshBody = Browser.json(forFresh);
        assertThat(takenBody.propertyNames()).containsExactlyElementsOf(freshBody.propertyNames());
        assertThat(takenBody.get("email").asString()).isEqualTo(taken);
        assertThat(takenBody.get("role")).isEqualTo(freshBody.get("role"));
        assertThat(takenBody.get("tenantId")).isEqualTo(freshBody.get("tenantId"));
        assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(accounts + 1);
    }

    private HttpResponse<String> accept(String secret, String password) {
        return browser.postJson("/api/v1/invitations/" + secret + "/accept", Map.of("password", password), null);
    }
}
