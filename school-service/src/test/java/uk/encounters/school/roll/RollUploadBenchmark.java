package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.infra.Infrastructure;
import uk.encounters.school.Bearer;
import uk.encounters.school.roll.RollFiles.Row;

/**
 * A 2,000-pupil roll through the HTTP API: first upload, the same file again, and a file with 5% changes (50 SEN
 * changes, 25 leavers, 25 joiners), each timed to the HTTP answer, to the read model showing it, and (for the
 * first upload) to the last event on Kafka. Prints a markdown table of medians; asserts only that the work was done.
 * <pre>
 * ./mvnw -q -B -pl school-service -am test -Dtest=RollUploadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.repetitions=5
 * </pre>
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RollUploadBenchmark {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final int PUPILS = 2_000;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
        INFRA.springProperties("school-roll-bench-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Value("${local.server.port}")
    int port;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private final String year = AcademicYears.containing(LocalDate.now(RollUploads.SCHOOL_ZONE));
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    @Test
    void uploadsOfATwoThousandPupilRoll() throws Exception {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(bearer).build();
        int repetitions = Integer.getInteger("benchmark.repetitions", 5);
        for (int run = 0; run <= repetitions; run++) {
            repetition(run, run == 0); // the first run warms the JVM up and is not counted
        }
        printTable(repetitions);
    }

    private void repetition(int run, boolean warmUp) {
        String schoolId = newSchool();
        // Distinct UPNs per run and per test database, within the twelve digits a UPN has.
        long base = 100_000L * run + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000) * 10_000_000L;
        List<Row> roll = new ArrayList<>();
        for (int n = 0; n < PUPILS; n++) {
            roll.add(Row.pupil(base + n, 7 + n % 7));
        }
        byte[] first = RollFiles.bytes(roll);

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            long start = System.nanoTime();
            Map<String, Object> counts = upload(schoolId, first);
            record(warmUp, "first upload: HTTP answer", start);
            assertThat(counts).containsEntry("enrolled", PUPILS);
            awaitRollSize(schoolId, PUPILS);
            record(warmUp, "first upload: read model shows it", start);
            awaitPublished(consumer, schoolId, PUPILS);
            record(warmUp, "first upload: all events on Kafka", start);
        }

        long start = System.nanoTime();
        assertThat(upload(schoolId, first)).containsEntry("unchanged", PUPILS);
        record(warmUp, "same file again: HTTP answer", start);

        List<Row> changed = new ArrayList<>(roll.subList(25, roll.size()));   // 25 leavers
        for (int i = 0; i < 50; i++) {
            changed.set(i * 30, changed.get(i * 30).withSen("K"));          // 50 SEN changes
        }
        for (int n = 0; n < 25; n++) {
            changed.add(Row.pupil(base + PUPILS + n, 7));                  // 25 joiners
        }
        start = System.nanoTime();
        Map<String, Object> counts = upload(schoolId, RollFiles.bytes(changed));
        record(warmUp, "5% changes: HTTP answer", start);
        assertThat(counts).containsEntry("enrolled", 25).containsEntry("left", 25).containsEntry("changed", 50);
        awaitRollSize(schoolId, PUPILS);
        record(warmUp, "5% changes: read model shows it", start);

        start = System.nanoTime();
        assertThat(pupils(schoolId)).hasSize(PUPILS);
        record(warmUp, "GET /pupils (2,000 pupils)", start);
    }

    private void record(boolean warmUp, String measure, long startNanos) {
        if (!warmUp) {
            seconds.computeIfAbsent(measure, k -> new ArrayList<>()).add((System.nanoTime() - startNanos) / 1e9);
        }
    }

    private Map<String, Object> upload(String schoolId, byte[] body) {
        bearer.asCareersLeaderOf(schoolId);
        return http.put().uri("/api/v1/schools/{id}/roll?academicYear={year}", schoolId, year)
                .contentType(MediaType.valueOf("text/csv")).body(body).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private List<Map<String, Object>> pupils(String schoolId) {
        bearer.asCareersLeaderOf(schoolId);
        return http.get().uri("/api/v1/schools/{id}/pupils", schoolId).retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    private void awaitRollSize(String schoolId, int size) {
        Supplier<Integer> current = () -> pupils(schoolId).size();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> current.get() == size);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("school.events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before the upload
        return consumer;
    }

    private static void awaitPublished(KafkaConsumer<String, byte[]> consumer, String schoolId, int count) {
        int[] seen = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                if (schoolId.equals(record.key())) {
                    seen[0]++;
                }
            });
            return seen[0] >= count;
        });
    }

    @SuppressWarnings("unchecked")
    private String newSchool() {
        bearer.asAdmin();
        Map<String, Object> hub = http.post().uri("/api/v1/hubs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Benchmark hub")).retrieve().body(Map.class);
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        Map<String, Object> school = http.post().uri("/api/v1/schools").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("urn", urn, "name", "Benchmark Academy", "type", "SCHOOL", "hubId", hub.get("hubId"),
                        "yearGroups", List.of(7, 8, 9, 10, 11, 12, 13))).retrieve().body(Map.class);
        return (String) school.get("schoolId");
    }

    private void printTable(int repetitions) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("\n").append(LocalDate.now()).append("; ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (nproc), ").append(memory()).append(", ").append(System.getProperty("java.vm.vendor"))
                .append(" JDK ").append(System.getProperty("java.version")).append("; infrastructure ")
                .append(INFRA.mode()).append("; ").append(PUPILS).append(" pupils; medians of ").append(repetitions)
                .append(" runs after one warm-up run.\n\n");
        table.append("| measure | median (s) | min (s) | max (s) |\n|---|---:|---:|---:|\n");
        seconds.forEach((measure, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            table.append("| ").append(measure).append(" | ").append("%.2f".formatted(median)).append(" | ")
                    .append("%.2f".formatted(sorted.getFirst())).append(" | ")
                    .append("%.2f".formatted(sorted.getLast())).append(" |\n");
        });
        System.out.println(table);
    }

    private static String memory() throws Exception {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "memory unknown";
        }
        String total = Files.readAllLines(meminfo, StandardCharsets.UTF_8).getFirst().replaceAll("\\D+", "");
        return "%.0f GiB".formatted(Long.parseLong(total) / 1024.0 / 1024.0);
    }
}
