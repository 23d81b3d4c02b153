package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.TestEvents;

/**
 * Rebuild rate of the coverage projection in attendance records per second, beside the raw rate of reading the same
 * topics with a plain consumer in the same run. Opt-in: runs only when named, e.g.
 * {@code ./mvnw -q -B -pl reporting-service -am test -Dtest=RebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * Publishes {@code benchmark.schools} schools of {@code benchmark.pupils} pupils and {@code benchmark.encounters}
 * encounters of {@code benchmark.attendees} attendees to fresh topics (defaults: 10 x 750, 2,000 x 30, so 60,000
 * attendance records in 9,510 records), waits for generation 1, then per repetition: (a) reads both topics from the
 * beginning to the end offsets with a plain consumer, bytes only; (b) rebuilds, from the request to the switch; and,
 * to show where the time goes, (c) writes the same events straight into a fresh database through
 * {@link CoverageWriter} in batches of the consumer's size and (d) every tenth event one at a time. Medians of
 * {@code benchmark.repetitions}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        // Polled often, so the switch follows the catch-up closely.
        "encounters.coverage.check-interval=50ms",
        "encounters.coverage.drop-after=0s"})
class RebuildBenchmark {

    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 10);
    private static final int PUPILS = Integer.getInteger("benchmark.pupils", 750);
    private static final int ENCOUNTERS = Integer.getInteger("benchmark.encounters", 2_000);
    private static final int ATTENDEES = Integer.getInteger("benchmark.attendees", 30);
    private static final int REPETITIONS = Integer.getInteger("benchmark.repetitions", 3);

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final String SCHOOL_TOPIC = "school.events-" + UUID.randomUUID();
    private static final String ENCOUNTER_TOPIC = "encounter.events-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("reporting-bench-" + UUID.randomUUID()).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("encounters.topics.school", () -> SCHOOL_TOPIC);
        registry.add("encounters.topics.encounter", () -> ENCOUNTER_TOPIC);
        registry.add("encounters.messaging.consumed-topics", () -> SCHOOL_TOPIC + "," + ENCOUNTER_TOPIC);
    }

    @Autowired
    CoverageGenerations generations;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoClient client;
    @Autowired
    CoverageProperties properties;

    @Test
    void rebuildRateBesideTheRawReadRate() {
        List<EventRecord> school = new ArrayList<>();
        List<EventRecord> encounter = new ArrayList<>();
        long attendances = generate(school, encounter);
        long records = school.size() + encounter.size();
        long publishStart = System.nanoTime();
        try (TestEvents events = new TestEvents(INFRA.kafkaBootstrapServers())) {
            events.sendAll(SCHOOL_TOPIC, school);
            events.sendAll(ENCOUNTER_TOPIC, encounter);
        }
        double publishSeconds = seconds(publishStart);
        ProjectionPointer pointer = new ProjectionPointer(database, CoverageGenerations.PROJECTION);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> caughtUp(generations.status().serving()));
        rawRead(records); // warm-up

        List<Double> raw = new ArrayList<>();
        List<Double> rebuild = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        List<ReceivedEvent<?>> received = new ArrayList<>();
        school.forEach(r -> received.add(received(r)));
        encounter.forEach(r -> received.add(received(r)));
        // One event at a time is slow: every tenth event, the same mix.
        List<ReceivedEvent<?>> sample = new ArrayList<>();
        for (int i = 0; i < received.size(); i += 10) {
            sample.add(received.get(i));
        }
        for (int run = 1; run <= REPETITIONS; run++) {
            raw.add(rawRead(records));

            long serving = pointer.read().serving();
            long start = System.nanoTime();
            assertThat(generations.rebuild()).isTrue();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> pointer.read().serving() == serving + 1);
            rebuild.add(seconds(start));

            batched.add(writeRate(received, properties.maxPollRecords()));
            single.add(writeRate(sample, 1));
        }

        System.out.printf("RebuildBenchmark: %,d records (%,d attendance records), published in %.1f s; "
                        + "max.poll.records %d; per repetition: raw read %s s, rebuild %s s, writer batched %s and "
                        + "one event at a time %s attendance records/s%n",
                records, attendances, publishSeconds, properties.maxPollRecords(), raw, rebuild, batched, single);
        double rawSeconds = median(raw);
        double rebuildSeconds = median(rebuild);
        System.out.printf("RebuildBenchmark result: raw read %,.0f records/s = %,.0f attendance records/s (%.2f s); "
                        + "rebuild %,.0f attendance records/s (%.2f s); ratio %.3f; writer alone batched %,.0f and "
                        + "one event at a time %,.0f attendance records/s%n",
                records / rawSeconds, attendances / rawSeconds, rawSeconds, attendances / rebuildSeconds,
                rebuildSeconds, rawSeconds / rebuildSeconds, median(batched), median(single));
    }

    /** Reads both topics from the beginning up to their end offsets; the seconds it took. */
    private static double rawRead(long expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(SCHOOL_TOPIC, ENCOUNTER_TOPIC)) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            assertThat(read).isEqualTo(expected);
        }
        return seconds(start);
    }

    /** Writes the events into a database of their own in batches of the given size; attendance records/s. */
    private double writeRate(List<ReceivedEvent<?>> events, int batch) {
        MongoDatabase scratch = client.getDatabase("bench-writer-" + UUID.randomUUID());
        CoverageWriter writer = new CoverageWriter(CoverageCollections.of(scratch, 1));
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += batch) {
            writer.write(events.subList(from, Math.min(events.size(), from + batch)));
        }
        double seconds = seconds(start);
        scratch.drop();
        return events.stream().mapToLong(e -> e.event() instanceof EncounterRecorded r ? r.attendees().size() : 0)
                .sum() / seconds;
    }

    /** Schools with their rolls, then encounters drawing attendees from their school's roll; attendances. */
    private static long generate(List<EventRecord> school, List<EventRecord> encounter) {
        Instant recorded = Instant.parse("2027-01-01T00:00:00Z");
        Map<String, List<String>> rolls = new LinkedHashMap<>();
        for (int s = 0; s < SCHOOLS; s++) {
            String schoolId = "school-" + s;
            school.add(record(new SchoolRegistered(schoolId, "10000" + s, "School " + s, SchoolType.SCHOOL, "hub-1",
                    List.of(7, 8, 9, 10, 11)), "school-" + schoolId, 0, recorded));
            List<String> roll = new ArrayList<>();
            for (int p = 0; p < PUPILS; p++) {
                String pupil = schoolId + "-p" + p;
                roll.add(pupil);
                school.add(record(new PupilEnrolled(pupil, schoolId, "2026/27", 7 + p % 5, LocalDate.of(2026, 9, 1),
                        Sen.NONE, p % 4 == 0, p % 2 == 0 ? Gender.FEMALE : Gender.MALE, null), "roll-" + schoolId, p,
                        recorded));
            }
            rolls.put(schoolId, roll);
        }
        List<String> schools = List.copyOf(rolls.keySet());
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), true);
        }
        long attendances = 0;
        for (int e = 0; e < ENCOUNTERS; e++) {
            String schoolId = schools.get(e % schools.size());
            List<String> roll = rolls.get(schoolId);
            int from = (e / schools.size() * ATTENDEES) % (roll.size() - ATTENDEES + 1);
            List<String> attendees = roll.subList(from, from + ATTENDEES);
            attendances += attendees.size();
            String id = "encounter-" + e;
            encounter.add(record(new EncounterRecorded(id, schoolId, "employer-" + e % 50, "Health",
                    EmployerSize.LARGE, null, null, ActivityType.CAREERS_TALK, List.of(Benchmark.GB5),
                    LocalDate.of(2026, 10, 1).plusDays(e % 200), "2026/27", BigDecimal.ONE, DeliveryMode.IN_PERSON,
                    "Site", null, attendees, checklist, Map.of(Benchmark.GB5, true),
                    FrameworkVersion.forAcademicYear("2026/27")), id, 0, recorded));
        }
        return attendances;
    }

    private static EventRecord record(IntegrationEvent event, String aggregateId, long sequence, Instant recorded) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, recorded, "bench");
    }

    private static ReceivedEvent<?> received(EventRecord record) {
        return new ReceivedEvent<>(record.event() instanceof SchoolEvent ? SCHOOL_TOPIC : ENCOUNTER_TOPIC,
                IntegrationEvents.REGISTRY.typeOf(record.event()), record.eventId(), record.aggregateId(),
                record.aggregateSequence(), record.occurredAt(), record.actingUser(), record.event());
    }

    private static boolean caughtUp(ProjectionStatus.Generation generation) {
        return generation.lag() != null && generation.lag() == 0 && generation.end() > 0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
