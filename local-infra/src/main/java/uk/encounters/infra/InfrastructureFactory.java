package uk.encounters.infra;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Chooses and starts the infrastructure mode. */
final class InfrastructureFactory {

    static final String FORCE_VARIABLE = "ENCOUNTERS_INFRA";
    static final String KAFKA_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    static final String MONGO_VARIABLE = "MONGODB_URI";
    private static final String TESTCONTAINERS_PROBE = "org.testcontainers.DockerClientFactory";

    private InfrastructureFactory() {
    }

    static Infrastructure fromEnvironment(Map<String, String> env) {
        boolean forced = env.get(FORCE_VARIABLE) != null && !env.get(FORCE_VARIABLE).isBlank();
        // Unforced, a machine with no sign of Docker skips Testcontainers' probe, which logs an alarming ERROR in
        // every test JVM. Forced, Testcontainers decides, so unusual Docker set-ups still work when asked for.
        BooleanSupplier docker = forced ? InfrastructureFactory::dockerAvailable
                : () -> DockerHints.anyPresent(env) && dockerAvailable();
        Infrastructure.Mode mode = selectMode(env, docker);
        return switch (mode) {
            case EXTERNAL -> new ExternalInfrastructure(env.get(KAFKA_VARIABLE), env.get(MONGO_VARIABLE));
            case CONTAINERS -> ContainersInfrastructure.start();
            case EMBEDDED -> EmbeddedInfrastructure.start();
        };
    }

    /** The mode the environment asks for; {@code docker} is only consulted when it can change the answer. */
    static Infrastructure.Mode selectMode(Map<String, String> env, BooleanSupplier docker) {
        boolean externalConfigured = isSet(env, KAFKA_VARIABLE) && isSet(env, MONGO_VARIABLE);
        String forced = env.get(FORCE_VARIABLE);
        if (forced != null && !forced.isBlank()) {
            Infrastructure.Mode mode = parse(forced);
            if (mode == Infrastructure.Mode.EXTERNAL && !externalConfigured) {
                throw new IllegalStateException(FORCE_VARIABLE + "=external needs both " + KAFKA_VARIABLE + " and "
                        + MONGO_VARIABLE + " to be set");
            }
            if (mode == Infrastructure.Mode.CONTAINERS && !docker.getAsBoolean()) {
                throw new IllegalStateException(FORCE_VARIABLE + "=containers, but no Docker daemon answers"
                        + (testcontainersPresent() ? "" : " (and Testcontainers is not on the classpath)")
                        + ". Start Docker, or use " + FORCE_VARIABLE + "=embedded.");
            }
            return mode;
        }
        if (externalConfigured) {
            return Infrastructure.Mode.EXTERNAL;
        }
        return docker.getAsBoolean() ? Infrastructure.Mode.CONTAINERS : Infrastructure.Mode.EMBEDDED;
    }

    private static Infrastructure.Mode parse(String forced) {
        try {
            return Infrastructure.Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FORCE_VARIABLE + "=" + forced
                    + " is not one of embedded, containers, external", e);
        }
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** Docker counts only where Testcontainers is present to drive it; the class is never touched otherwise. */
    static boolean dockerAvailable() {
        return testcontainersPresent() && ContainersInfrastructure.dockerAvailable();
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName(TESTCONTAINERS_PROBE, false, InfrastructureFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
