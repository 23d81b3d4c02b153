package uk.encounters.infra;

/** Holds the JVM-wide test infrastructure (see {@link Infrastructure#forTests()}). */
final class TestInfrastructure {

    private static Infrastructure shared;
    private static RuntimeException failure;

    private TestInfrastructure() {
    }

    static synchronized Infrastructure shared() {
        // A failed start is remembered: every later test class would otherwise wait out the same timeout again.
        if (failure != null) {
            throw new IllegalStateException("The test infrastructure failed to start earlier in this JVM", failure);
        }
        if (shared == null) {
            try {
                shared = InfrastructureFactory.fromEnvironment(System.getenv());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Infrastructure started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "infrastructure-shutdown"));
        }
        return shared;
    }
}
