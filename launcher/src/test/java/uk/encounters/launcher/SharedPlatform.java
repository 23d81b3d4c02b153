package uk.encounters.launcher;

import java.util.Map;
import uk.encounters.infra.Infrastructure;
import uk.encounters.launcher.demo.DemoTokens;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * The three services for the end-to-end tests, started once per test JVM on free ports against the shared test
 * infrastructure and stopped when the JVM exits: starting them takes most of a minute on two cores, and the tests
 * only ever create new hubs and schools, so they do not disturb each other. The services trust the JVM's test issuer
 * (real keys served over HTTP), and the tests sign their requests with its tokens.
 */
public final class SharedPlatform {

    public static final TestIssuer ISSUER = TestIssuer.shared();

    private static Platform platform;

    private SharedPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            // Spring's relaxed binding reads ENCOUNTERS_SECURITY_ISSUERURI as encounters.security.issuer-uri.
            Platform started = Platform.start(Infrastructure.forTests(), RepoRoot.find(), PlatformPorts.free(),
                    Map.of("ENCOUNTERS_SECURITY_ISSUERURI", ISSUER.issuerUri()));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-shutdown"));
            platform = started;
        }
        return platform;
    }

    /** Tokens for the demo loader, from the test issuer. */
    public static DemoTokens demoTokens() {
        return new DemoTokens() {
            @Override
            public String admin() {
                return ISSUER.admin();
            }

            @Override
            public String hubCoordinator(String hubId) {
                return ISSUER.hubCoordinator(hubId);
            }

            @Override
            public String careersLeader(String schoolId) {
                return ISSUER.careersLeader(schoolId);
            }

            @Override
            public String employer(String employerId) {
                return ISSUER.employer(employerId);
            }
        };
    }
}
