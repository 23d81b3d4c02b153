package uk.encounters.infra;

/** Servers someone else runs; closing leaves them alone. */
record ExternalInfrastructure(String kafkaBootstrapServers, String mongoUri) implements Infrastructure {

    @Override
    public Mode mode() {
        return Mode.EXTERNAL;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
