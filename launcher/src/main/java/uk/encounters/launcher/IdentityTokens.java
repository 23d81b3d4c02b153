package uk.encounters.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.launcher.demo.DemoLoadException;
import uk.encounters.launcher.demo.DemoTokens;

/**
 * Tokens from identity-service for the demo loader, got the way people get them. The admin is the bootstrap
 * integration client ({@code identity-bootstrap.properties}). Everyone else gets a real account on first use: the
 * admin invites a hub's coordinator, the coordinator invites each school's careers leader, an employer registers and
 * confirms; the link is read from the local outbox, a password chosen, the account signs in once through the portal's
 * authorization code flow (PKCE) and creates an integration client for itself. From then on its tokens come from
 * client credentials, cached until shortly before they expire.
 * <p>
 * The accounts' emails, passwords and clients are kept, mode 600, in {@value #ACCOUNTS_FILE} beside the bootstrap
 * file, so a later start acts as the same people and a person can sign in as them. Secrets are never printed.
 */
public final class IdentityTokens implements DemoTokens {

    public static final String ACCOUNTS_FILE = "demo-accounts.properties";
    public static final String BOOTSTRAP_FILE = "identity-bootstrap.properties";
    /** The portal client's default redirect; the code is read from the redirect, nothing listens there. */
    static final String PORTAL_REDIRECT = "http://127.0.0.1:5173/callback";
    static final String EMAIL_DOMAIN = "demo.encounters.test";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    /** identity-service learns hubs and schools from Kafka a moment after school-service registers them. */
    private static final Duration DIRECTORY_PATIENCE = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(1600);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI identity;
    private final Path accountsFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Client admin;
    /** Keyed {@code coordinator.<hub>}, {@code leader.<school>}, {@code employer.<name>}, as in the file. */
    private final Map<String, Lazy> clients = new ConcurrentHashMap<>();
    private final Properties saved;

    /**
     * @param identity the identity-service's base URL
     * @param dataDir  where identity-service wrote {@value #BOOTSTRAP_FILE}; the accounts file goes there too
     */
    public IdentityTokens(URI identity, Path dataDir) {
        this.identity = identity;
        this.accountsFile = dataDir.resolve(ACCOUNTS_FILE);
        Properties bootstrap = load(dataDir.resolve(BOOTSTRAP_FILE));
        String clientId = bootstrap.getProperty("client.id");
        String secret = bootstrap.getProperty("client.secret");
        if (clientId == null || secret == null) {
            throw new DemoLoadException("No admin client in " + dataDir.resolve(BOOTSTRAP_FILE)
                    + " (identity-service writes it on its first start)");
        }
        this.admin = new Client(clientId, secret, null);
        this.saved = Files.isRegularFile(accountsFile) ? load(accountsFile) : new Properties();
    }

    @Override
    public String admin() {
        return admin.token();
    }

    @Override
    public String hubCoordinator(String hubId) {
        String key = "coordinator." + hubId;
        return client(key, () -> invited(key, "HUB_COORDINATOR", hubId, admin())).token();
    }

    @Override
    public String careersLeader(String hubId, String schoolId) {
        String key = "leader." + schoolId;
        return client(key, () -> invited(key, "CAREERS_LEADER", schoolId, hubCoordinator(hubId))).token();
    }

    /**
     * A second careers leader of the school: another account, invited as the first was, for a school where more
     * than one member of staff records encounters.
     */
    public String secondCareersLeader(String hubId, String schoolId) {
        String key = "leader2." + schoolId;
        return client(key, () -> invited(key, "CAREERS_LEADER", schoolId, hubCoordinator(hubId))).token();
    }

    @Override
    public String employer(String employer) {
        return employerClient(employer).token();
    }

    @Override
    public String employerId(String employer) {
        return employerClient(employer).tenant;
    }

    /** The email and password the hub's coordinator signs in with (made as {@link #hubCoordinator} makes it). */
    public SignIn coordinatorSignIn(String hubId) {
        hubCoordinator(hubId);
        return signIn("coordinator." + hubId);
    }

    public SignIn careersLeaderSignIn(String hubId, String schoolId) {
        careersLeader(hubId, schoolId);
        return signIn("leader." + schoolId);
    }

    public SignIn employerSignIn(String employer) {
        employer(employer);
        return signIn("employer." + employer);
    }

    private synchronized SignIn signIn(String key) {
        return new SignIn(saved.getProperty(key + ".email"), saved.getProperty(key + ".password"));
    }

    /** What a person types at the sign-in form. */
    public record SignIn(String email, String password) {
        @Override
        public String toString() {
            return "SignIn[" + email + "]";
        }
    }

    private Client employerClient(String employer) {
        String key = "employer." + employer;
        return client(key, () -> registered(key, employer));
    }

    private Client client(String key, Supplier<Account> create) {
        return clients.computeIfAbsent(key, k -> new Lazy()).get(() -> {
            String clientId = saved.getProperty(key + ".clientId");
            if (clientId != null) {
                return new Client(clientId, saved.getProperty(key + ".clientSecret"),
                        saved.getProperty(key + ".tenant"));
            }
            Account account = create.get();
            Client client = account.client();
            save(key, account);
            return client;
        });
    }

    /** An account with its password and integration client, as saved. */
    private record Account(String email, String password, Client client) {
    }

    private Account invited(String key, String role, String tenantId, String inviterToken) {
        String email = email(key);
        Map<String, String> invitation = Map.of("email", email, "role", role, "tenantId", tenantId);
        long deadline = System.nanoTime() + DIRECTORY_PATIENCE.toNanos();
        Duration backoff = Duration.ofMillis(200);
        HttpResponse<String> invited = postJson("/api/v1/invitations", invitation, inviterToken);
        // 422 while identity-service has not yet read the new hub or school from Kafka.
        while (invited.statusCode() == 422 && System.nanoTime() < deadline) {
            sleep(backoff);
            backoff = backoff.compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
            invited = postJson("/api/v1/invitations", invitation, inviterToken);
        }
        expect(invited, 201, "inviting the " + role + " of " + tenantId);
        String password = randomSecret();
        expect(postJson("/api/v1/invitations/" + mailedLink(email, "/invitations/") + "/accept",
                Map.of("password", password), null), 200, "accepting the invitation of " + email);
        return signInAndCreateClient(email, password, tenantId);
    }

    private Account registered(String key, String organisation) {
        String email = email(key);
        String password = randomSecret();
        expect(postJson("/api/v1/employers/registrations", Map.of("email", email, "password", password,
                "organisationName", organisation), null), 202, "registering employer " + organisation);
        HttpResponse<String> confirmed = postJson("/api/v1/registrations/" + mailedLink(email, "/registrations/")
                + "/confirm", Map.of(), null);
        expect(confirmed, 200, "confirming " + email);
        return signInAndCreateClient(email, password, JSON.readTree(confirmed.body()).get("tenantId").asString());
    }

    /** The link's secret in the newest mail to {@code email} in the local outbox. */
    private String mailedLink(String email, String path) {
        HttpResponse<String> outbox = send(HttpRequest.newBuilder(identity.resolve("/outbox?limit=500"))
                .header("Accept", "application/json").GET(), http);
        expect(outbox, 200, "reading the outbox (is encounters.identity.outbox-page on?)");
        Pattern link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]+)");
        for (JsonNode mail : JSON.readTree(outbox.body())) {
            if (mail.path("to").asString().equalsIgnoreCase(email)) {
                Matcher matcher = link.matcher(mail.path("text").asString());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        throw new DemoLoadException("No mail with a " + path + " link for " + email + " in the outbox");
    }

    /**
     * The portal's sign-in as a browser walks it (authorize, login form, back to authorize, code at the redirect,
     * code exchanged with the PKCE verifier), then an integration client made with that token.
     */
    private Account signInAndCreateClient(String email, String password, String tenant) {
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomSecret();
        String state = randomSecret();
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "portal",
                "scope", "openid", "redirect_uri", PORTAL_REDIRECT, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        send(htmlGet(identity.resolve(authorize)), browser); // remembers the request, sends the browser to /login
        HttpResponse<String> loginPage = send(htmlGet(identity.resolve("/login")), browser);
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new DemoLoadException("The login page has no CSRF field");
        }
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(identity.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password,
                        "_csrf", csrf.group(1))))), browser);
        String back = location(signedIn);
        if (back.contains("/login?error")) {
            throw new DemoLoadException("Sign-in refused for " + email);
        }
        String callback = location(send(htmlGet(identity.resolve(back)), browser));
        if (!callback.startsWith(PORTAL_REDIRECT)) {
            throw new DemoLoadException("The sign-in of " + email + " did not return to the portal");
        }
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new DemoLoadException("The sign-in of " + email + " came back with another state");
        }
        HttpResponse<String> exchanged = send(HttpRequest.newBuilder(identity.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", query.get("code"), "redirect_uri", PORTAL_REDIRECT, "client_id", "portal",
                        "code_verifier", verifier)))), browser);
        expect(exchanged, 200, "exchanging the sign-in code of " + email);
        String personal = JSON.readTree(exchanged.body()).get("access_token").asString();
        HttpResponse<String> created = postJson("/api/v1/account/clients", Map.of("name", "demo loader"), personal);
        expect(created, 201, "creating an integration client for " + email);
        JsonNode client = JSON.readTree(created.body());
        return new Account(email, password, new Client(client.get("clientId").asString(),
                client.get("clientSecret").asString(), tenant));
    }

    /** Rewrites the whole file (mode 600, replaced in one move) so an interrupted run never leaves half of it. */
    private synchronized void save(String key, Account account) {
        saved.setProperty(key + ".email", account.email());
        saved.setProperty(key + ".password", account.password());
        saved.setProperty(key + ".clientId", account.client().clientId);
        saved.setProperty(key + ".clientSecret", account.client().secret);
        if (account.client().tenant != null) {
            saved.setProperty(key + ".tenant", account.client().tenant);
        }
        try {
            Path dir = accountsFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".demo-accounts", ".tmp");
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(writer, "The demo hub's accounts: sign in at " + identity + "/login with an email and"
                        + " password, or get a token with curl -u <clientId>:<clientSecret>"
                        + " -d grant_type=client_credentials " + identity + "/oauth2/token");
            }
            Files.move(temporary, accountsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + accountsFile, e);
        }
    }

    /** An integration client and its cached token. */
    private final class Client {
        private final String clientId;
        private final String secret;
        private final String tenant;
        private String token;
        private Instant renewAt = Instant.MIN;

        Client(String clientId, String secret, String tenant) {
            this.clientId = clientId;
            this.secret = secret;
            this.tenant = tenant;
        }

        synchronized String token() {
            if (token == null || Instant.now().isAfter(renewAt)) {
                String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> response = send(HttpRequest.newBuilder(identity.resolve("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), http);
                expect(response, 200, "a client-credentials token for " + clientId);
                JsonNode body = JSON.readTree(response.body());
                token = body.get("access_token").asString();
                renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong(300)).minus(RENEW_BEFORE_EXPIRY);
            }
            return token;
        }
    }

    /** Made once, by the first caller; others asking for the same account meanwhile wait for it. */
    private static final class Lazy {
        private Client client;

        synchronized Client get(Supplier<Client> create) {
            if (client == null) {
                client = create.get();
            }
            return client;
        }
    }

    private HttpResponse<String> postJson(String path, Object body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(identity.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request, http);
    }

    private static HttpRequest.Builder htmlGet(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, HttpClient client) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoLoadException(request.method() + " " + request.uri().getPath() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("Interrupted during " + request.method() + " " + request.uri().getPath(), e);
        }
    }

    /** Refusals are problem details (no secrets in them); a success's body may hold one, so it is never shown. */
    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new DemoLoadException("identity-service refused " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(l -> identity.resolve(l).toString())
                .orElseThrow(() -> new DemoLoadException("identity-service answered " + response.statusCode()
                        + " where a redirect was expected during sign-in", null));
    }

    /** A readable address per key; a long key is cut and told apart by its hash (a local part has 64 characters). */
    private static String email(String key) {
        String local = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (local.length() > 64) {
            local = local.substring(0, 50) + "-" + Integer.toHexString(key.hashCode());
        }
        return local + "@" + EMAIL_DOMAIN;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        return Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new DemoLoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("Interrupted while waiting for identity-service", e);
        }
    }
}
