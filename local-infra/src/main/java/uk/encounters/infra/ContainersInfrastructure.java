package uk.encounters.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and a MongoDB replica set in Docker. The only class that names Testcontainers types: it is loaded only after
 * {@link InfrastructureFactory} has seen Testcontainers on the classpath, so the launcher runs without it.
 */
final class ContainersInfrastructure implements Infrastructure {

    /** Pinned: the same broker and server versions on every machine and in CI. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0.12";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainersInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainersInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_HEAP_OPTS", "-Xms64m -Xmx512m");
        // A replica set, because only a replica set offers the transactions and change streams production has.
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE)).withReplicaSet();
        try {
            kafka.start();
            mongo.start();
        } catch (RuntimeException e) {
            mongo.stop();
            kafka.stop();
            throw e;
        }
        return new ContainersInfrastructure(kafka, mongo);
    }

    @Override
    public Mode mode() {
        return Mode.CONTAINERS;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        // Without a database name (callers pick theirs) and without replicaSet=: the member's advertised host is the
        // container's own name, which the host cannot resolve, so the driver must talk to the mapped port directly.
        return mongo.getConnectionString();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }
}
