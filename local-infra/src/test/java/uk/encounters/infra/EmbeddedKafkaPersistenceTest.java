package uk.encounters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsSurviveARestartOnTheSameDataDirectory() throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.persistent(dataDir, 0)) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
            }
        }
        assertThat(dataDir.resolve("kraft-logs/meta.properties")).isRegularFile();
        String clusterIdLine = Files.readAllLines(dataDir.resolve("kraft-logs/meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id=")).findFirst().orElseThrow();

        try (EmbeddedKafka second = EmbeddedKafka.persistent(dataDir, 0);
                var consumer = new KafkaConsumer<String, String>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()),
                        new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("kept", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("before restart");
        }
        // Formatted once: a second format would have written a new cluster id.
        assertThat(Files.readAllLines(dataDir.resolve("kraft-logs/meta.properties"))).contains(clusterIdLine);
    }

    @Test
    void aTakenPortIsReportedInsteadOfStartingABrokerThatCannotBind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.persistent(dataDir, taken.getLocalPort()))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is in use");
        }
    }
}
