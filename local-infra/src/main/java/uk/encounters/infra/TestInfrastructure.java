package uk.encounters.infra;

/** Holds the JVM-wide test infrastructure (see {@link Infrastructure#forTests()}). */
final class TestInfrastructure {

    private static Infrastructure shared;

    private TestInfrastructure() {
    }

    static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = InfrastructureFactory.fromEnvironment(System.getenv());
            Infrastructure started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "infrastructure-shutdown"));
        }
        return shared;
    }
}
