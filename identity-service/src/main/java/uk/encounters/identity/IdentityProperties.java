package uk.encounters.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code encounters.identity}.
 *
 * @param issuerUri            the public base URL: the {@code iss} of every token and the start of every mailed link
 * @param dataDirectory        where the first start writes the bootstrap credentials (the run command's {@code data/})
 * @param accessTokenLifetime  how long an access token is valid; revoking a client stops new tokens, not issued ones
 * @param invitationLifetime   how long an invitation link works
 * @param confirmationLifetime how long an employer's email-confirmation link works
 * @param outboxPage           serve the local mail outbox at {@code /outbox}: for local runs only, where no mail
 *                             server exists (anyone who can reach it can read every invitation link)
 */
@ConfigurationProperties("encounters.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") URI issuerUri,
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("7d") Duration invitationLifetime,
        @DefaultValue("2d") Duration confirmationLifetime,
        @DefaultValue("false") boolean outboxPage,
        @DefaultValue Portal portal,
        @DefaultValue Throttle throttle,
        @DefaultValue Bootstrap bootstrap) {

    /** The issuer without a trailing slash, for building links. */
    public String baseUrl() {
        String uri = issuerUri.toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * The web portal (issue 7): a public client using the authorization code flow with PKCE.
     *
     * @param redirectUris           where the portal may receive codes (OAuth 2.1 wants loopback as an IP, not
     *                               "localhost"); the second default is for scripts that read the code themselves
     * @param postLogoutRedirectUris where a browser may be sent after signing out at {@code /connect/logout}
     */
    public record Portal(@DefaultValue("portal") String clientId,
                         @DefaultValue({"http://127.0.0.1:8084/login/oauth2/code/platform",
                                 "http://127.0.0.1:5173/callback"}) List<String> redirectUris,
                         @DefaultValue("http://127.0.0.1:8084/signed-out") List<String> postLogoutRedirectUris) {
    }

    /**
     * Login throttling: after {@code accountFailures} failed sign-ins for one email, or {@code addressFailures} from
     * one client address, within {@code window}, further sign-ins there are refused for {@code firstLock}, doubling
     * with each lock that follows without a successful sign-in, up to {@code longestLock}.
     */
    public record Throttle(@DefaultValue("5") int accountFailures,
                           @DefaultValue("20") int addressFailures,
                           @DefaultValue("15m") Duration window,
                           @DefaultValue("1m") Duration firstLock,
                           @DefaultValue("1h") Duration longestLock) {
    }

    /**
     * The first start creates a platform admin and an integration client of theirs. Passwords and secrets left
     * empty are generated and written to {@code <dataDirectory>/<file>}; given ones (from the environment, e.g.
     * {@code ENCOUNTERS_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD}) are used as they are and written nowhere.
     */
    public record Bootstrap(@DefaultValue("admin@encounters.local") String adminEmail,
                            String adminPassword,
                            @DefaultValue("platform-admin") String clientId,
                            String clientSecret,
                            @DefaultValue("identity-bootstrap.properties") String file) {
    }
}
