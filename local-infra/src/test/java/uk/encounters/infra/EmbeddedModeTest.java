package uk.encounters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedModeTest {

    private static EmbeddedInfrastructure infra;

    @BeforeAll
    static void start() {
        infra = (EmbeddedInfrastructure) InfrastructureFactory.fromEnvironment(Map.of("ENCOUNTERS_INFRA", "embedded"));
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void brokerDeliversAProducedRecordToAGroupConsumer() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        RecordMetadata sent;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, "school-1", "ShoutOutPosted")).get();
        }
        assertThat(sent.offset()).isZero();

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            consumer.commitSync();
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("school-1");
            assertThat(record.value()).isEqualTo("ShoutOutPosted");
        });
    }

    @Test
    void mongoStoresAndFindsADocumentInTheDatabaseNamedBySpringProperties() {
        Map<String, String> properties = infra.springProperties("school");
        assertThat(properties).containsEntry("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
                .containsEntry("spring.mongodb.database", "school");
        try (MongoClient client = MongoClients.create(properties.get("spring.mongodb.uri"))) {
            MongoCollection<Document> schools = client.getDatabase("school").getCollection("schools");
            schools.insertOne(new Document("_id", "urn:school:1").append("name", "Hillside"));

            assertThat(schools.find(new Document("_id", "urn:school:1")).first())
                    .containsEntry("name", "Hillside");
        }
        assertThat(infra.realMongo()).isFalse();
    }

    @Test
    void closingStopsTheBrokerJvmAndDeletesItsData() {
        EmbeddedKafka kafka = EmbeddedKafka.throwaway();
        ProcessHandle child = ProcessHandle.of(kafka.pid()).orElseThrow();

        kafka.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(Files.exists(kafka.directory())).isFalse();
    }
}
