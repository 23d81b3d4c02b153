package uk.encounters.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import uk.encounters.infra.EmbeddedMongo;
import uk.encounters.infra.Infrastructure;

/** Readiness follows the infrastructure: UP while Kafka and MongoDB answer, DOWN when they do not. */
class HealthIndicatorsTest {

    @Test
    void kafkaIsUpWhileTheBrokerAnswers() {
        var indicator = new KafkaHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers",
                Infrastructure.forTests().kafkaBootstrapServers())));
        try {
            var health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void kafkaIsDownWhenNoBrokerAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var indicator = new KafkaHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort)));
        try {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void mongoIsUpWhileTheServerAnswersAndDownOnceItIsGone() {
        EmbeddedMongo server = EmbeddedMongo.inMemory();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            var indicator = new MongoPingHealthIndicator(client.getDatabase("health"));
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

            server.close();

            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
