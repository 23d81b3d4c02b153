package uk.encounters.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/**
 * Recording an encounter with a whole school's register (2,000 attendees) through the HTTP API, against a roster of
 * 2,000 pupils loaded from school events first. Prints a markdown table; asserts outcomes, never timings.
 * Run with {@code ./mvnw -q -B -pl encounter-service -am test -Dtest=RecordEncounterBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbenchmark.repetitions=N} changes the repetitions (default 7).
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
class RecordEncounterBenchmark extends IntegrationTestSupport {

    private static final int PUPILS = 2_000;
    private static final int WARM_UP = 2;

    @Test
    void recordsAWholeSchoolRegister() throws Exception {
        int repetitions = Integer.getInteger("benchmark.repetitions", 7);
        String school = "school-" + UUID.randomUUID();
        schoolPublishes(school, new SchoolRegistered(school, "136789", "Benchmark School", SchoolType.SCHOOL, "hub-1",
                List.of(7, 8, 9, 10, 11)));
        List<String> pupils = new ArrayList<>();
        List<PupilEnrolled> roll = new ArrayList<>();
        for (int i = 0; i < PUPILS; i++) {
            String pupilId = "pupil-" + UUID.randomUUID();
            pupils.add(pupilId);
            roll.add(new PupilEnrolled(pupilId, school, "2026/27", 7 + i % 5, LocalDate.of(2022, 9, 1), Sen.NONE,
                    false, Gender.NOT_RECORDED, null));
        }
        long rosterStart = System.nanoTime();
        schoolPublishes("roll-" + school, roll);
        awaitRoster(school, pupils);
        double rosterMs = millisSince(rosterStart);
        String employer = registerEmployer("Benchmark Employer", "Finance", "LARGE");

        List<String> wrong = new ArrayList<>(pupils);
        wrong.set(PUPILS - 1, "pupil-of-nobody");
        List<Double> accepted = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        List<Double> unseen = new ArrayList<>();
        try (var consumer = tailOfEncounterEvents()) {
            for (int run = 0; run < WARM_UP + repetitions; run++) {
                String encounterId = UUID.randomUUID().toString();
                long start = System.nanoTime();
                Reply reply = post("/api/v1/encounters", recording(encounterId, school, employer, pupils));
                double httpMs = millisSince(start);
                assertThat(reply.status()).isEqualTo(201);
                awaitOnTopic(consumer, encounterId);
                double publishedMs = millisSince(start);

                start = System.nanoTime();
                Reply refused = post("/api/v1/encounters", recording(UUID.randomUUID().toString(), school, employer,
                        wrong));
                double refusedMs = millisSince(start);
                assertThat(refused.status()).isEqualTo(409);
                if (run >= WARM_UP) {
                    accepted.add(httpMs);
                    published.add(publishedMs);
                    unseen.add(refusedMs);
                }
            }
        }

        String table = """
                ### Recording an encounter with %,d attendees (`RecordEncounterBenchmark`)

                %s; %d cores (`nproc`), %s memory, %s; infrastructure %s; median of %d runs after %d warm-up runs.

                | measure | median | min | max |
                |---|---:|---:|---:|
                | `POST /api/v1/encounters`, 2,000 attendees, 201 (ms) | %.0f | %.0f | %.0f |
                | request start to `EncounterRecorded` read from `encounter.events` (ms) | %.0f | %.0f | %.0f |
                | same register with one unseen pupil, 409 retryable (ms) | %.0f | %.0f | %.0f |
                | roster of %,d pupils: produced to `school.events` until all in the view (ms, once) | %.0f | | |
                """.formatted(PUPILS, LocalDate.now(), Runtime.getRuntime().availableProcessors(), memory(),
                jdk(), INFRA.mode(), repetitions, WARM_UP,
                median(accepted), min(accepted), max(accepted),
                median(published), min(published), max(published),
                median(unseen), min(unseen), max(unseen),
                PUPILS, rosterMs);
        System.out.println(table);
    }

    private KafkaConsumer<String, byte[]> tailOfEncounterEvents() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor("encounter.events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private static void awaitOnTopic(KafkaConsumer<String, byte[]> consumer, String encounterId) {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                if (new String(record.value(), StandardCharsets.UTF_8).contains(encounterId)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Map<String, Object> recording(String encounterId, String school, String employer,
                                                 List<String> attendees) {
        Map<String, Object> request = new HashMap<>();
        request.put("encounterId", school + ":" + encounterId); // in the school's namespace, as a chosen id must be
        request.put("schoolId", school);
        request.put("employerId", employer);
        request.put("activityType", "CAREERS_FAIR");
        request.put("date", "2026-10-15");
        request.put("hours", 3);
        request.put("mode", "IN_PERSON");
        request.put("attendees", attendees);
        request.put("checklist", Map.of("PURPOSE_SHARED", true, "LEARNING_OUTCOMES", true,
                "TWO_WAY_INTERACTION", true, "REFLECTION", true));
        return request;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return Collections.min(values);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return "%.1f GiB".formatted(kib / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return "unknown";
    }

    private static String jdk() {
        return System.getProperty("java.vm.vendor") + " JDK " + System.getProperty("java.version")
                + " (Java 21 bytecode), JVM max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }
}
