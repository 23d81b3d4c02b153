package uk.encounters.infra;

import java.util.Map;

/** Chooses and starts the infrastructure mode. */
final class InfrastructureFactory {

    private InfrastructureFactory() {
    }

    static Infrastructure fromEnvironment(Map<String, String> env) {
        // TODO(local-infra helper): EXTERNAL from env, CONTAINERS where Docker answers, else EMBEDDED with the broker.
        throw new UnsupportedOperationException("not built yet");
    }
}
