package uk.encounters.infra;

import java.util.Map;

/**
 * Where Kafka and MongoDB come from. The same tests and the same services run against any of the three modes;
 * code must not depend on which one it got.
 */
public interface Infrastructure extends AutoCloseable {

    enum Mode {
        /** Servers named by {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI}. */
        EXTERNAL,
        /** Testcontainers: {@code apache/kafka} and a {@code mongo} replica set, where a Docker daemon answers. */
        CONTAINERS,
        /** A real Kafka broker in a child JVM (KRaft) and the in-process MongoDB wire-protocol server. */
        EMBEDDED
    }

    Mode mode();

    String kafkaBootstrapServers();

    /** A connection string without a database name; each service picks its own database. */
    String mongoUri();

    /** True where MongoDB is a real server (transactions, secondary indexes), false for the embedded wire server. */
    default boolean realMongo() {
        return mode() != Mode.EMBEDDED;
    }

    /** Spring Boot properties that point a service at this infrastructure, using the given database. */
    default Map<String, String> springProperties(String database) {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.mongodb.database", database);
    }

    @Override
    void close();

    /**
     * The JVM-wide infrastructure for tests, started on first use and stopped when the JVM exits: external servers
     * when both environment variables are set, otherwise containers where Docker answers, otherwise embedded.
     * {@code ENCOUNTERS_INFRA=embedded|containers|external} forces a mode.
     */
    static Infrastructure forTests() {
        return TestInfrastructure.shared();
    }
}
