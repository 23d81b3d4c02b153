package uk.encounters.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.RawRecords.Record;

/**
 * A listener written the way services write them, against real Kafka and MongoDB. Back-off is long on purpose:
 * a record that was retried could not reach the dead-letter topic within the wait below.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "encounters.messaging.consumer.retries=3",
        "encounters.messaging.consumer.initial-back-off=20s",
        "encounters.messaging.consumer.max-back-off=20s"})
@Import(IntegrationEventListenerTest.Listener.class)
class IntegrationEventListenerTest {

    static final String TOPIC = MessagingTestApplication.uniqueTopic("school.events");
    static final String SCHOOL = "school-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MessagingTestApplication.infrastructure(registry, TOPIC);
        // Consumers name the topics they read; the dead-letter topic for each is created at start-up.
        registry.add("encounters.messaging.consumed-topics", () -> TOPIC);
        registry.add("test.topic", () -> TOPIC);
    }

    /** Counts enrolments per school, with a deliberately non-idempotent $inc. */
    static class Listener {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final MongoCollection<Document> schools;
        final IdempotentUpdates updates;

        Listener(MongoClient client, org.springframework.core.env.Environment env) {
            schools = client.getDatabase(env.getProperty("spring.mongodb.database")).getCollection("roll_counts");
            updates = new IdempotentUpdates(schools);
        }

        @KafkaListener(id = "messaging-listener-test", topics = "${test.topic}")
        void on(ReceivedEvent<SchoolEvent> received) {
            switch (received.event()) {
                case PupilEnrolled e -> updates.applyOnce(e.schoolId(), received, Updates.inc("enrolled", 1));
                default -> {
                }
            }
            // After the write, so a test that sees the id can read what it wrote.
            handled.add(received.eventId());
        }
    }

    @Autowired
    Listener listener;
    @Autowired
    MeterRegistry meters;

    @Test
    void poisonGoesToTheDeadLetterTopicUnknownTypesAreSkippedAndRedeliveriesChangeNothing() {
        Record first = RawRecords.enrolment(SCHOOL, 0);
        Record second = RawRecords.enrolment(SCHOOL, 1);
        Record third = RawRecords.enrolment(SCHOOL, 2);
        Record poison = RawRecords.of("school.PupilEnrolled.v1", "poison-1", 3, "{\"pupilId\": \"p\", broken");
        Record fromTheFuture = RawRecords.of("school.PupilTransferred.v1", "future-1", 4, "{\"pupilId\": \"p\"}");

        RawRecords.send(TOPIC, SCHOOL, first, poison, fromTheFuture, second, first, third, second);

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.contains(third.eventId()));
        Document counts = listener.schools.find(Filters.eq("_id", SCHOOL)).first();
        assertThat(counts.getInteger("enrolled")).as("three distinct enrolments, two redelivered").isEqualTo(3);
        assertThat(listener.handled).doesNotContain(poison.eventId(), fromTheFuture.eventId());
        assertThat(listener.updates.appliedSequence(SCHOOL, SCHOOL)).isEqualTo(2);
        // At least once: after the poison the error handler seeks back, so records behind it are decoded again.
        assertThat(meters.counter("encounters.messaging.skipped", "topic", TOPIC,
                "type", "school.PupilTransferred.v1").count()).isGreaterThanOrEqualTo(1);

        try (TopicReader deadLetters = new TopicReader(Infrastructure.forTests().kafkaBootstrapServers(),
                TOPIC + ".dlt")) {
            // Well inside the first 20 s back-off: the poison was not retried.
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.readAtLeast(1, Duration.ofSeconds(15));
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, byte[]> letter = dead.getFirst();
            assertThat(letter.value()).isEqualTo(poison.body());
            assertThat(letter.key()).isEqualTo(SCHOOL);
            assertThat(TopicReader.header(letter, EventHeaders.EVENT_ID)).isEqualTo(poison.eventId());
            assertThat(TopicReader.header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
            assertThat(TopicReader.header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        }
    }
}
