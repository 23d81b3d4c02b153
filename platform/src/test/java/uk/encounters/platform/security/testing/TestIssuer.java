package uk.encounters.platform.security.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for identity-service in tests: an RSA key of its own, its public half served as a JWK set at
 * {@code <issuer>/oauth2/jwks} over real HTTP, and real RS256 tokens minted for any role and tenant, plus the bad
 * ones an attacker would try (expired, signed by another key, from another issuer, unsigned). Services under test
 * trust it through {@code encounters.security.issuer-uri}; nothing about token checking is mocked.
 * <p>
 * Depends on the JDK and Nimbus JOSE only, so the launcher's end-to-end tests can use it without Spring.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String ISSUER_PROPERTY = "encounters.security.issuer-uri";
    public static final String CAREERS_LEADER = "CAREERS_LEADER";
    public static final String EMPLOYER = "EMPLOYER";
    public static final String HUB_COORDINATOR = "HUB_COORDINATOR";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    /** A regular expression for how any JWT starts (two base64url JSON objects), for checking logs hold none. */
    public static final String JWT_SHAPE = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.";

    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuerUri;
    private final RSAKey key;
    /** Same key id, other key material: the forgery a leaked key id allows. */
    private final RSAKey impostorKey;
    private final AtomicInteger keyFetches = new AtomicInteger();

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            impostorKey = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            keyFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        issuerUri = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new issuer with a new key, until {@link #close()}. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /** One issuer for the whole test JVM, so cached Spring contexts that trust it stay valid. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            TestIssuer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-issuer-shutdown"));
        }
        return shared;
    }

    public String issuerUri() {
        return issuerUri;
    }

    /** How often a service has fetched the keys: they are fetched when first needed, not at start-up. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** The property a service needs to trust this issuer. */
    public Map<String, String> springProperties() {
        return Map.of(ISSUER_PROPERTY, issuerUri);
    }

    public String careersLeader(String schoolId) {
        return as(CAREERS_LEADER, schoolId).mint();
    }

    public String employer(String employerId) {
        return as(EMPLOYER, employerId).mint();
    }

    public String hubCoordinator(String hubId) {
        return as(HUB_COORDINATOR, hubId).mint();
    }

    public String admin() {
        return as(PLATFORM_ADMIN, null).mint();
    }

    /**
     * The tokens an attacker would present instead of a real one for this role and tenant (null for an admin), by
     * name: a real token of someone else with its role and tenant edited to these (signature kept), an expired one,
     * one signed by a key this issuer never published, one naming another issuer, and an unsigned one. A service
     * must answer each with 401 and change nothing.
     */
    public Map<String, String> badTokens(String role, String tenant) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("forged (claims edited, signature kept)", forged(role, tenant));
        tokens.put("expired", as(role, tenant).expiredAgo(Duration.ofMinutes(2)).mint());
        tokens.put("signed by another key", as(role, tenant).signedByAnotherKey().mint());
        tokens.put("from another issuer", as(role, tenant).issuedBy("https://evil.example").mint());
        tokens.put("unsigned", as(role, tenant).unsigned().mint());
        return tokens;
    }

    /** A real employer's token whose claims now say this role and tenant, under the employer's signature. */
    public String forged(String role, String tenant) {
        try {
            SignedJWT genuine = SignedJWT.parse(employer("forger-" + UUID.randomUUID()));
            // Nimbus leaves null claims out of the JSON, so an admin's forgery carries no tenant.
            JWTClaimsSet edited = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                    .claim("role", role).claim("tenant", tenant).build();
            Base64URL[] parts = genuine.getParsedParts();
            return parts[0] + "." + Base64URL.encode(edited.toString()) + "." + parts[2];
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token under construction for this role and tenant (null for an admin), valid for an hour by default. */
    public Token as(String role, String tenant) {
        return new Token(role, tenant);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One token's claims and how it is signed; {@link #mint()} serializes it. */
    public final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String subject;
        private String issuer = issuerUri;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private RSAKey signingKey = key;
        private boolean unsigned;

        private Token(String role, String tenant) {
            this.subject = "acc-" + role.toLowerCase().replace('_', '-') + "-" + (tenant == null ? UUID.randomUUID() : tenant);
            claims.put("role", role);
            if (tenant != null) {
                claims.put("tenant", tenant);
            }
        }

        public Token subject(String accountId) {
            this.subject = accountId;
            return this;
        }

        /** Sets or, with null, removes a claim: another claim name for role or tenant, say. */
        public Token claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Token expiredAgo(Duration ago) {
            this.expiresAt = Instant.now().minus(ago);
            return this;
        }

        /** Signed by this issuer's key, but naming another issuer in {@code iss}. */
        public Token issuedBy(String otherIssuer) {
            this.issuer = otherIssuer;
            return this;
        }

        /** Signed by a key the issuer never published, under the published key's id. */
        public Token signedByAnotherKey() {
            this.signingKey = impostorKey;
            return this;
        }

        /** {@code alg: none}: no signature at all. */
        public Token unsigned() {
            this.unsigned = true;
            return this;
        }

        public String mint() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .issueTime(Date.from(now.isBefore(expiresAt) ? now : expiresAt.minus(Duration.ofHours(1))))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString());
            claims.forEach(builder::claim);
            JWTClaimsSet set = builder.build();
            if (unsigned) {
                return new PlainJWT(set).serialize();
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set);
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
