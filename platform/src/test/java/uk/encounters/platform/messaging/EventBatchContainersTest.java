package uk.encounters.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.RawRecords.Record;

/** A batch consumer against real Kafka: one bad record in a batch is parked alone, everything else arrives. */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "encounters.messaging.consumer.retries=1",
        "encounters.messaging.consumer.initial-back-off=100ms",
        "encounters.messaging.consumer.max-back-off=100ms"})
class EventBatchContainersTest {

    static final String TOPIC = MessagingTestApplication.uniqueTopic("school.events");
    static final String SCHOOL = "school-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MessagingTestApplication.infrastructure(registry, TOPIC);
        registry.add("encounters.messaging.consumed-topics", () -> TOPIC);
    }

    @Autowired
    EventBatchContainers containers;

    @Test
    void aFailingRecordIsParkedAloneAndTheRestOfItsBatchArrives() {
        Record first = RawRecords.enrolment(SCHOOL, 0);
        Record second = RawRecords.enrolment(SCHOOL, 1);
        Record third = RawRecords.enrolment(SCHOOL, 2);
        Record refused = RawRecords.enrolment(SCHOOL, 3);
        Record undecodable = RawRecords.of("school.PupilEnrolled.v1", "poison-1", 4, "{\"pupilId\": \"p\", broken");
        Record fromTheFuture = RawRecords.of("school.PupilTransferred.v1", "future-1", 5, "{\"pupilId\": \"p\"}");
        // All on the topic before the consumer starts, so the first poll returns them together.
        RawRecords.send(TOPIC, SCHOOL, first, undecodable, fromTheFuture, second, refused, first, third);

        List<List<String>> batches = new CopyOnWriteArrayList<>();
        ConcurrentMessageListenerContainer<String, ReceivedEvent<?>> container = containers.create(
                "batch-test-" + UUID.randomUUID(), List.of(TOPIC), 100, events -> {
                    List<String> ids = events.stream().map(ReceivedEvent::eventId).toList();
                    if (ids.contains(refused.eventId())) {
                        throw new IllegalStateException("refused");
                    }
                    batches.add(ids);
                });
        container.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled(batches).contains(third.eventId()));
            assertThat(handled(batches)).contains(first.eventId(), second.eventId())
                    .doesNotContain(undecodable.eventId(), fromTheFuture.eventId(), refused.eventId());
            assertThat(batches).as("records arrive several at a time").anySatisfy(b -> assertThat(b).hasSizeGreaterThan(1));

            try (TopicReader deadLetters = new TopicReader(Infrastructure.forTests().kafkaBootstrapServers(),
                    TOPIC + ".dlt")) {
                List<ConsumerRecord<String, byte[]>> dead = deadLetters.readAtLeast(2, Duration.ofSeconds(30));
                assertThat(dead).extracting(r -> TopicReader.header(r, EventHeaders.EVENT_ID))
                        .containsExactly(undecodable.eventId(), refused.eventId());
                assertThat(TopicReader.header(dead.getFirst(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                        .contains("DeserializationException");
                assertThat(dead.getFirst().value()).isEqualTo(undecodable.body());
            }
        } finally {
            container.stop();
        }
    }

    private static List<String> handled(List<List<String>> batches) {
        return batches.stream().flatMap(List::stream).toList();
    }
}
