package uk.encounters.infra;

/** The in-process MongoDB wire server plus a broker in a child JVM; both are private to this JVM. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;

    private EmbeddedInfrastructure(EmbeddedMongo mongo, EmbeddedKafka kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        try {
            return new EmbeddedInfrastructure(mongo, EmbeddedKafka.throwaway());
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    @Override
    public Mode mode() {
        return Mode.EMBEDDED;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }

    @Override
    public String toString() {
        return "EMBEDDED(kafka " + kafka.bootstrapServers() + " pid " + kafka.pid() + ", mongo " + mongoUri() + ")";
    }
}
