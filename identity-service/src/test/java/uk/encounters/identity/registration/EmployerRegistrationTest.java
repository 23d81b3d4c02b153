package uk.encounters.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;

class EmployerRegistrationTest extends IdentityServiceTest {

    @Test
    void anEmployerRegistersConfirmsByTheMailedLinkAndThenSignsInWithAMintedEmployerId() throws Exception {
        String email = email("employer");

        HttpResponse<String> registered = register(email, "Acme Engineering Ltd");

        assertThat(registered.statusCode()).isEqualTo(202);
        assertThatThrownBy(() -> browser.portalSignIn(email, PASSWORD)).as("unconfirmed")
                .isInstanceOf(Browser.SignInRefused.class);
        String secret = mailedLinkSecret(email);
        String page = browser.get("/registrations/" + secret, "Accept", "text/html").body();
        assertThat(page).contains("Confirm your email address");
        HttpResponse<String> confirmed = browser.postForm("/registrations/" + secret,
                Map.of("_csrf", Browser.csrfOf(page)), "Accept", "text/html");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");

        String token = new Browser(PORT).portalSignIn(email, PASSWORD).accessToken();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringClaim("role")).isEqualTo("EMPLOYER");
        assertThat(claims.getStringClaim("tenant")).startsWith("emp-");
        JsonNode account = Browser.json(browser.getWithToken("/api/v1/account", token));
        assertThat(account.get("organisationName").asString()).isEqualTo("Acme Engineering Ltd");
        assertThat(account.get("tenantId").asString()).isEqualTo(claims.getStringClaim("tenant"));
        assertThat(browser.postJson("/api/v1/registrations/" + secret + "/confirm", Map.of(), null).statusCode())
                .as("single use").isEqualTo(404);
    }

    @Test
    void registeringAnEmailThatHasAnAccountAnswersTheSameAndTellsTheMailboxOwner() {
        String email = activeEmployer();
        String firstTenant = tenantOf(email);

        HttpResponse<String> again = register(email.toUpperCase(Locale.ROOT), "Impostor Ltd");
        HttpResponse<String> fresh = register(email("employer"), "Someone Ltd");

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(fresh.body());
        assertThat(outbox.latest(500).stream().filter(mail -> mail.to().equals(email)).findFirst().orElseThrow()
                .subject()).isEqualTo("Someone tried to register your email address");
        assertThat(tenantOf(email)).isEqualTo(firstTenant);
    }

    @Test
    void anExpiredConfirmationLinkConfirmsNothing() {
        String email = email("employer");
        register(email, "Slow Ltd");
        String secret = mailedLinkSecret(email);
        clock.advance(Duration.ofDays(2).plusMinutes(1));

        HttpResponse<String> expired = browser.postJson("/api/v1/registrations/" + secret + "/confirm", Map.of(), null);

        assertThat(expired.statusCode()).isEqualTo(404);
        clock.reset();
        assertThatThrownBy(() -> browser.portalSignIn(email, PASSWORD)).isInstanceOf(Browser.SignInRefused.class);
    }

    @Test
    void theOutboxListsMailNewestFirstAsJsonAndAsAPage() {
        String email = email("employer");
        register(email, "Outbox <Test> Ltd");

        JsonNode json = Browser.json(browser.get("/outbox?limit=5", "Accept", "application/json"));
        String html = browser.get("/outbox", "Accept", "text/html").body();

        assertThat(json.get(0).get("to").asString()).isEqualTo(email);
        assertThat(json.get(0).get("text").asString()).contains(ISSUER + "/registrations/");
        assertThat(html).contains(email)
                .contains("Outbox &lt;Test&gt; Ltd").contains("<a href=\"" + ISSUER + "/registrations/");
    }

    private HttpResponse<String> register(String email, String organisation) {
        return browser.postJson("/api/v1/employers/registrations",
                Map.of("email", email, "password", PASSWORD, "organisationName", organisation), null);
    }

    private String tenantOf(String email) {
        String token = new Browser(PORT).portalSignIn(email, PASSWORD).accessToken();
        return Browser.json(browser.getWithToken("/api/v1/account", token)).get("tenantId").asString();
    }
}
