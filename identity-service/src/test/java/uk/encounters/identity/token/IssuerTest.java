package uk.encounters.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.encounters.identity.Browser;
import uk.encounters.identity.IdentityServiceTest;

/** Discovery, keys and the client-credentials grant, starting from the credentials the first start wrote. */
class IssuerTest extends IdentityServiceTest {

    @Test
    void discoveryNamesTheConfiguredIssuerAndItsEndpoints() {
        HttpResponse<String> response = browser.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = Browser.json(response);
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.get("grant_types_supported").toString()).contains("client_credentials",
                "authorization_code");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void theBootstrapClientGetsAnRs256TokenSignedByThePublishedKeyActingAsTheAdmin() throws Exception {
        Properties credentials = bootstrapCredentials();
        String token = adminToken();

        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = JWKSet.parse(browser.get("/oauth2/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID())
                .toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).startsWith("acc-");
        assertThat(claims.getStringClaim("role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(claims.getClaims()).doesNotContainKey("tenant");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(credentials.getProperty("client.id"));
        assertThat(claims.getExpirationTime()).isAfter(new Date());

        JsonNode account = Browser.json(browser.getWithToken("/api/v1/account", token));
        assertThat(account.get("accountId").asString()).isEqualTo(claims.getSubject());
        assertThat(account.get("email").asString()).isEqualTo(credentials.getProperty("admin.email"));
    }

    @Test
    void theBootstrapFileIsReadableByItsOwnerOnlyAndItsAdminPasswordSignsIn() throws Exception {
        var file = DATA.resolve("identity-bootstrap.properties");
        Properties credentials = bootstrapCredentials();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(credentials.getProperty("issuer")).isEqualTo(ISSUER);
        assertThat(credentials.getProperty("token.endpoint")).isEqualTo(ISSUER + "/oauth2/token");
        Browser.Tokens tokens = browser.portalSignIn(credentials.getProperty("admin.email"),
                credentials.getProperty("admin.password"));
        assertThat(SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getStringClaim("role"))
                .isEqualTo("PLATFORM_ADMIN");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() {
        Properties credentials = bootstrapCredentials();

        HttpResponse<String> wrongSecret = browser.clientCredentials(credentials.getProperty("client.id"), "guess");
        HttpResponse<String> unknown = browser.clientCredentials("cli-nobody", "guess");

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongSecret.body());
    }

    @Test
    void theApiRefusesRequestsWithoutAValidTokenAsProblemDetails() {
        HttpResponse<String> none = browser.get("/api/v1/account");
        HttpResponse<String> garbage = browser.getWithToken("/api/v1/account", "not-a-token");

        for (HttpResponse<String> response : List.of(none, garbage)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(Browser.json(response).get("status").asInt()).isEqualTo(401);
        }
    }
}
