package uk.encounters.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.infra.Infrastructure;

/**
 * The outbox's token must only move once the broker has acknowledged. The outbox producer is pointed at a closed
 * port (the same configuration switch Spring Kafka offers for credential rotation), so every send fails after the
 * short delivery timeout; then it is pointed back at the broker and everything must arrive.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "encounters.messaging.batch-size=25",
        "encounters.messaging.producer.delivery-timeout=1500ms"})
@Import(MessagingTestApplication.Publishing.class)
class KafkaOutboxOutageTest {

    static final String TOPIC = MessagingTestApplication.uniqueTopic("school.events");
    static final String GROUP = "kafka-outbox";


    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MessagingTestApplication.infrastructure(registry, TOPIC);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    KafkaOutbox outbox;

    @Test
    void tokenStaysPutWhileTheBrokerCannotAcknowledgeAndNothingIsLostAfterwards() throws IOException {
        String broker = Infrastructure.forTests().kafkaBootstrapServers();
        TokenStore tokens = processing.tokenStore(GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> tokens.fetchSegments(GROUP).length == 1);
        TrackingToken before = tokens.fetchToken(GROUP, 0);
        pointOutboxAt("127.0.0.1:" + closedPort());

        List<DomainEventMessage<?>> stored = TestEvents.interleaved(List.of("school-x", "school-y"), 40);
        eventStore.publish(stored);

        // Two failed attempts: the first batch, then its retry from the same stored token.
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.failedBatches() >= 2);
        assertThat(tokens.fetchToken(GROUP, 0)).isEqualTo(before);
        try (TopicReader reader = new TopicReader(broker, TOPIC)) {
            assertThat(reader.endOffsetTotal(TOPIC)).isZero();

            pointOutboxAt(broker);

            List<DomainEventMessage<?>> published = stored.stream()
                    .filter(e -> e.getPayload() instanceof PupilEnrolled).toList();
            List<ConsumerRecord<String, byte[]>> records = reader.readAtLeast(published.size(), Duration.ofSeconds(90));
            assertThat(records.stream().map(r -> TopicReader.header(r, EventHeaders.EVENT_ID))
                    .collect(Collectors.toSet()))
                    .isEqualTo(published.stream().map(DomainEventMessage::getIdentifier).collect(Collectors.toSet()));
            for (String school : Set.of("school-x", "school-y")) {
                assertThat(records.stream().filter(r -> r.key().equals(school))
                        .map(r -> Long.valueOf(TopicReader.header(r, EventHeaders.AGGREGATE_SEQUENCE))).toList())
                        .as("order of %s", school)
                        .isSorted();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens.fetchToken(GROUP, 0)).isEqualTo(eventStore.createHeadToken()));
    }

    private void pointOutboxAt(String bootstrapServers) {
        outbox.producerFactory().updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        // Closes the current producer; the next send creates one with the new address.
        outbox.producerFactory().reset();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
