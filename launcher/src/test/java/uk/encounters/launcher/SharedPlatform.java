package uk.encounters.launcher;

import uk.encounters.infra.Infrastructure;

/**
 * The three services for the end-to-end tests, started once per test JVM on free ports against the shared test
 * infrastructure and stopped when the JVM exits: starting them takes most of a minute on two cores, and the tests
 * only ever create new hubs and schools, so they do not disturb each other.
 */
public final class SharedPlatform {

    private static Platform platform;

    private SharedPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            Platform started = Platform.start(Infrastructure.forTests(), RepoRoot.find(), PlatformPorts.free());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-shutdown"));
            platform = started;
        }
        return platform;
    }
}
