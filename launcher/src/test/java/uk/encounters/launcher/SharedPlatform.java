package uk.encounters.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import uk.encounters.infra.Infrastructure;

/**
 * The four services for the end-to-end tests, started once per test JVM on free ports against the shared test
 * infrastructure and stopped when the JVM exits: starting them takes most of a minute on two cores, and the tests
 * only ever create new hubs and schools, so they do not disturb each other. The services trust the identity-service
 * they run beside, and the tests act through real accounts made there ({@link IdentityTokens}).
 */
public final class SharedPlatform {

    /** identity-service's bootstrap file and the test accounts' file, beside the logs under target/. */
    static final Path DATA = Path.of("target", "platform-data").toAbsolutePath();

    private static Platform platform;
    private static IdentityTokens tokens;

    private SharedPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            try {
                // Accounts of an earlier run's identity database, which is gone with its in-memory MongoDB.
                Files.deleteIfExists(DATA.resolve(IdentityTokens.ACCOUNTS_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform started = Platform.start(Infrastructure.forTests(), RepoRoot.find(), PlatformPorts.free(),
                    Map.of(Platform.IDENTITY_DATA_DIRECTORY, DATA.toString()));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-shutdown"));
            platform = started;
            tokens = new IdentityTokens(started.baseUrl(Service.IDENTITY), DATA);
        }
        return platform;
    }

    /** Tokens of accounts invited or registered at the platform's identity-service, as people get them. */
    public static synchronized IdentityTokens tokens() {
        get();
        return tokens;
    }
}
