package uk.encounters.platform.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.identity.ActingUser;

/**
 * Outbox throughput: events per second from the first append (100-event commits, one school each) to the last
 * broker acknowledgement through the outbox processor, beside the raw Kafka produce rate of the same records
 * (same keys, bodies and headers, same producer settings) measured in the same run. Not a surefire test by name;
 * run with {@code ./mvnw -q -B -pl platform -am test -Dtest=PublisherBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Uses the platform's Mongo event store and token store on the test infrastructure's MongoDB;
 * {@code -Dbenchmark.events=} and {@code -Dbenchmark.repetitions=} size the run.
 */
@SpringBootTest(classes = PublisherBenchmark.App.class, properties = "logging.level.root=WARN")
class PublisherBenchmark {

    static final String TOPIC = MessagingTestApplication.uniqueTopic("benchmark.events");
    static final int EVENTS = Integer.getInteger("benchmark.events", 20_000);
    static final int REPETITIONS = Integer.getInteger("benchmark.repetitions", 5);
    static final int COMMIT = 100;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MessagingTestApplication.Publishing.class)
    static class App {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MessagingTestApplication.infrastructure(registry, TOPIC);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    KafkaOutbox outbox;
    @Autowired
    EventStorageEngine engine;

    @Test
    void outboxAgainstRawProducer() throws Exception {
        run(Math.min(EVENTS, 5_000)); // warm-up: JIT, producer connections, topic metadata
        List<double[]> rows = new ArrayList<>();
        for (int rep = 1; rep <= REPETITIONS; rep++) {
            rows.add(run(EVENTS));
        }
        print(rows);
    }

    /** @return append seconds, end-to-end events/s, raw produce events/s */
    private double[] run(int events) throws Exception {
        List<List<DomainEventMessage<?>>> commits = commits(events);
        long ackedBefore = outbox.acknowledged();

        long start = System.nanoTime();
        for (List<DomainEventMessage<?>> commit : commits) {
            eventStore.publish(commit);
        }
        long appended = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> outbox.acknowledged() - ackedBefore >= events);
        long done = System.nanoTime();

        double raw = rawProduceRate(commits);
        return new double[] {(appended - start) / 1e9, events / ((done - start) / 1e9), raw};
    }

    private double rawProduceRate(List<List<DomainEventMessage<?>>> commits) throws Exception {
        Map<String, Object> config = MessagingAutoConfiguration.outboxProducerConfig(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.forTests().kafkaBootstrapServers()),
                new MessagingProperties.Producer(Duration.ofMillis(5), 262_144, Duration.ofMinutes(2), "lz4"));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (List<DomainEventMessage<?>> commit : commits) {
            for (DomainEventMessage<?> message : commit) {
                PupilEnrolled event = (PupilEnrolled) message.getPayload();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC + ".raw", event.partitionKey(),
                        EventJson.MAPPER.writeValueAsBytes(event));
                record.headers().add(EventHeaders.TYPE, "school.PupilEnrolled.v1".getBytes())
                        .add(EventHeaders.EVENT_ID, message.getIdentifier().getBytes())
                        .add(EventHeaders.AGGREGATE_ID, message.getAggregateIdentifier().getBytes())
                        .add(EventHeaders.AGGREGATE_SEQUENCE, Long.toString(message.getSequenceNumber()).getBytes())
                        .add(EventHeaders.OCCURRED_AT, message.getTimestamp().toString().getBytes())
                        .add(EventHeaders.ACTING_USER, "benchmark".getBytes());
                records.add(record);
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(TOPIC + ".raw"); // metadata outside the timed part, as for the warm outbox
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<List<DomainEventMessage<?>>> commits(int events) {
        List<List<DomainEventMessage<?>>> commits = new ArrayList<>();
        for (int c = 0; c < events / COMMIT; c++) {
            String school = "school-" + UUID.randomUUID();
            List<DomainEventMessage<?>> commit = new ArrayList<>(COMMIT);
            for (int seq = 0; seq < COMMIT; seq++) {
                commit.add(new GenericDomainEventMessage<>("School", school, seq,
                        TestEvents.enrolled(school, UUID.randomUUID().toString()),
                        MetaData.with(ActingUser.METADATA_KEY, "benchmark")));
            }
            commits.add(commit);
        }
        return commits;
    }

    private void print(List<double[]> rows) {
        StringBuilder out = new StringBuilder("\n### Outbox publisher benchmark\n\n");
        out.append("%s; %d cores; %s; event engine %s; %d events per repetition in %d-event commits; outbox batch %s\n\n"
                .formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                        Infrastructure.forTests().mode(), engine.getClass().getSimpleName(), EVENTS, COMMIT,
                        System.getProperty("encounters.messaging.batch-size", "500")));
        out.append("| repetition | append s | end to end events/s | raw produce events/s | ratio |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            out.append("| %d | %.2f | %,.0f | %,.0f | %.2f |\n".formatted(i + 1, r[0], r[1], r[2], r[1] / r[2]));
        }
        double e2e = median(rows, 1);
        double raw = median(rows, 2);
        out.append("| **median** | %.2f | **%,.0f** | **%,.0f** | **%.2f** |\n"
                .formatted(median(rows, 0), e2e, raw, e2e / raw));
        System.out.println(out);
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

}
