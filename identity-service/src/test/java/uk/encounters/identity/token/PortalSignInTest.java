package uk.encounters.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;
import uk.encounters.identity.SchoolEvents;

/** The portal's authorization code flow with PKCE, end to end, as a browser with cookies walks it. */
class PortalSignInTest extends IdentityServiceTest {

    @Test
    void aCoordinatorSignsInThroughThePortalAndGetsTokensNamingTheirAccountRoleAndHub() throws Exception {
        String hub = unique("hub");
        String email;
        try (SchoolEvents events = new SchoolEvents(INFRA.kafkaBootstrapServers())) {
            email = coordinatorOf(hub, events);
        }

        Browser.Tokens tokens = browser.portalSignIn(email, PASSWORD);

        var access = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
        String accountId = Browser.json(browser.getWithToken("/api/v1/account", tokens.accessToken()))
                .get("accountId").asString();
        assertThat(access.getSubject()).isEqualTo(accountId).startsWith("acc-");
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getStringClaim("role")).isEqualTo("HUB_COORDINATOR");
        assertThat(access.getStringClaim("tenant")).isEqualTo(hub);
        assertThat(access.getClaims()).doesNotContainKey("client_id");
        var id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo(accountId);
        assertThat(id.getAudience()).containsExactly("portal");
        assertThat(tokens.body().has("refresh_token")).as("no refresh tokens for a public client").isFalse();
        HttpResponse<String> userInfo = browser.getWithToken("/userinfo", tokens.accessToken());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(Browser.json(userInfo).get("sub").asString()).isEqualTo(accountId);
    }

    @Test
    void aCodeIsRedeemedOnlyWithItsPkceVerifierAndOnlyOnce() {
        Browser person = new Browser(PORT);
        var credentials = bootstrapCredentials();
        String verifier = Browser.randomUrlSafe(32);
        String authorize = "/oauth2/authorize?response_type=code&client_id=portal&scope=openid&state=s1"
                + "&redirect_uri=" + Browser.PORTAL_REDIRECT + "&code_challenge=" + Browser.challenge(verifier)
                + "&code_challenge_method=S256";
        person.get(authorize, "Accept", "text/html");
        HttpResponse<String> back = person.login(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password"));
        String callback = Browser.location(person.get(Browser.location(back), "Accept", "text/html"));
        String code = URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> wrongVerifier = person.exchange(code, Browser.randomUrlSafe(32));
        HttpResponse<String> rightVerifier = person.exchange(code, verifier);
        HttpResponse<String> again = person.exchange(code, verifier);

        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant").doesNotContain("access_token");
        // Someone who intercepted the code cannot use it, nor burn it for the client that holds the verifier.
        assertThat(rightVerifier.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void anAuthorizationRequestWithoutPkceOrForAnotherRedirectIsRefused() {
        String withoutPkce = "/oauth2/authorize?response_type=code&client_id=portal&scope=openid&state=s"
                + "&redirect_uri=" + Browser.PORTAL_REDIRECT;
        String elsewhere = "/oauth2/authorize?response_type=code&client_id=portal&scope=openid&state=s"
                + "&redirect_uri=http://127.0.0.1:9999/steal&code_challenge=" + Browser.challenge("x".repeat(43))
                + "&code_challenge_method=S256";
        var credentials = bootstrapCredentials();
        browser.login(credentials.getProperty("admin.email"), credentials.getProperty("admin.password"));

        HttpResponse<String> noPkce = browser.get(withoutPkce, "Accept", "text/html");
        HttpResponse<String> stolen = browser.get(elsewhere, "Accept", "text/html");

        // Without PKCE the error goes back to the registered redirect URI; an unregistered one gets no redirect.
        assertThat(Browser.location(noPkce)).startsWith(Browser.PORTAL_REDIRECT).contains("error=invalid_request")
                .doesNotContain("code=");
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theLoginFormRefusesAWrongPasswordByRedirectingBackToItself() {
        var credentials = bootstrapCredentials();

        HttpResponse<String> refused = browser.login(credentials.getProperty("admin.email"), "wrong password!!");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.location(refused)).endsWith("/login?error");
    }
}
