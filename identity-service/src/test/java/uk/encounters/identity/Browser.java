package uk.encounters.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's browser and a script's HTTP client in one: keeps cookies, follows no redirects (tests look at each
 * step), and speaks JSON and forms. {@link #portalSignIn} walks the portal's authorization code flow with PKCE.
 */
public final class Browser {

    public static final String PORTAL_REDIRECT = "http://127.0.0.1:5173/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Tokens(String accessToken, String idToken, JsonNode body) {
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).headers(withDefaults(headers)).GET());
    }

    public HttpResponse<String> postJson(String path, Object body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).DELETE());
    }

    public HttpResponse<String> getWithToken(String path, String bearer) {
        return get(path, "Authorization", "Bearer " + bearer);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).headers(withDefaults(headers))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Submits the login form (with the CSRF token it carries); a success redirects elsewhere than /login?error. */
    public HttpResponse<String> login(String email, String password) {
        String csrf = csrfOf(get("/login").body());
        return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf));
    }

    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in page: " + html);
        }
        return matcher.group(1);
    }

    /** The client-credentials grant, as an integration script does it. */
    public HttpResponse<String> clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return postForm("/oauth2/token", Map.of("grant_type", "client_credentials"),
                "Authorization", "Basic " + basic);
    }

    public String clientToken(String clientId, String secret) {
        HttpResponse<String> response = clientCredentials(clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asString();
    }

    /**
     * The portal's sign-in: authorize (redirected to the login form), sign in, come back to authorize (no consent
     * page: the portal is the platform's own client), receive the code at the redirect URI, exchange it with the
     * PKCE verifier.
     */
    public Tokens portalSignIn(String email, String password) {
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(8);
        String authorize = "/oauth2/authorize?" + encode(Map.of("response_type", "code", "client_id", "portal",
                "scope", "openid", "redirect_uri", PORTAL_REDIRECT, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(authorize, "Accept", "text/html");
        expectRedirect(toLogin, "/login");
        HttpResponse<String> signedIn = login(email, password);
        String back = location(signedIn);
        if (back.contains("/login?error") || back.contains("/login/disabled")) {
            throw new SignInRefused();
        }
        HttpResponse<String> withCode = get(back, "Accept", "text/html");
        String callback = location(withCode);
        if (!callback.startsWith(PORTAL_REDIRECT)) {
            throw new AssertionError("expected the portal callback, got " + callback);
        }
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state not returned: " + callback);
        }
        HttpResponse<String> token = exchange(query.get("code"), verifier);
        if (token.statusCode() != 200) {
            throw new AssertionError("code exchange failed: " + token.statusCode() + " " + token.body());
        }
        JsonNode body = json(token);
        return new Tokens(body.get("access_token").asString(),
                body.has("id_token") ? body.get("id_token").asString() : null, body);
    }

    public HttpResponse<String> exchange(String code, String verifier) {
        return postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", PORTAL_REDIRECT, "client_id", "portal", "code_verifier", verifier));
    }

    /** Thrown when the login form answered /login?error (or /login/disabled). */
    public static final class SignInRefused extends RuntimeException {
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static void expectRedirect(HttpResponse<String> response, String to) {
        if (response.statusCode() != 302 || !location(response).contains(to)) {
            throw new AssertionError("expected a redirect to " + to + ", got " + response.statusCode() + " "
                    + response.headers().map());
        }
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String[] withDefaults(String[] headers) {
        return headers.length == 0 ? new String[] {"Accept", "*/*"} : headers;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
