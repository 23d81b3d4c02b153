package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.infra.Infrastructure;
import uk.encounters.reporting.Bearer;

/**
 * The hub coordinator's trend ({@code /coverage/trend}, twelve hub reports in one request) and employer engagement
 * ({@code /encounters/by-employer}) on the {@link GeneratedHub} of {@code CoverageQueryBenchmark} (40 institutions,
 * about 40,000 pupils and 3,100 encounters over 2026/27), through the HTTP endpoints, one request at a time: cold
 * (every school changed since the last request, as after a restart or a rebuild), warm (the same request again) and
 * after a write to one school, beside the hub report on one date for comparison. The service's clock is set to
 * 15 September 2027, so 2026/27 is a finished year and its trend has all twelve month ends. Opt-in and slow: run it
 * by name.
 *
 * <pre>
 * ./mvnw -q -B -pl reporting-service -am test -Dtest=HubFiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
class HubFiguresBenchmark {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 40);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 100);
    private static final int COLD_REQUESTS = Integer.getInteger("benchmark.coldRequests", 20);
    private static final int WARMUPS = Integer.getInteger("benchmark.warmups", 5);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("reporting-hub-bench-" + UUID.randomUUID()).forEach((k, v) -> registry.add(k, () -> v));
        // Nothing is published in this run; the listener only needs topics of its own.
        registry.add("encounters.topics.school", () -> "school.events-" + UUID.randomUUID());
        registry.add("encounters.topics.encounter", () -> "encounter.events-" + UUID.randomUUID());
        registry.add("encounters.messaging.consumed-topics", () -> "bench.unused");
        registry.add("logging.level.org.apache.kafka", () -> "ERROR");
        Bearer.trustTestIssuer(registry);
    }

    @TestConfiguration
    static class AfterTheYear {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(),
                    Duration.between(Instant.now(), Instant.parse("2027-09-15T12:00:00Z")));
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void trendAndEngagementOfAFortySchoolHub() {
        GeneratedHub hub = GeneratedHub.of("bench-hub", SCHOOLS, 1);
        for (int from = 0; from < hub.events.size(); from += 1_000) {
            writer().write(hub.events.subList(from, Math.min(hub.events.size(), from + 1_000)));
        }
        System.out.printf("%nhub: %d schools, %d pupils, %d encounters, %d attendances, %d events%n",
                hub.schools.size(), hub.pupils(), hub.encounters, hub.attendances, hub.events.size());

        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(new Bearer())
                .build();
        String report = "/api/v1/hubs/" + hub.hubId + "/coverage?academicYear=2026/27&asOf=2027-03-31";
        String trend = "/api/v1/hubs/" + hub.hubId + "/coverage/trend?academicYear=2026/27";
        String engagement = "/api/v1/hubs/" + hub.hubId + "/encounters/by-employer?academicYear=2026/27";
        long start = System.nanoTime();
        Map<?, ?> first = http.get().uri(trend).retrieve().body(Map.class);
        System.out.printf("first trend request after start-up (caches empty, JIT cold): %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        assertThat((List<?>) first.get("points")).hasSize(12);

        List<String> lines = new ArrayList<>();
        lines.add(time("hub report, 31 March, cold caches", COLD_REQUESTS, i -> cold(report), http));
        lines.add(time("trend (12 points), cold caches", COLD_REQUESTS, i -> cold(trend), http));
        lines.add(time("trend, warm (the same request again)", REQUESTS, i -> trend, http));
        lines.add(time("trend, after a write to one school", REQUESTS, i -> {
            recordEncounter(hub, i);
            return trend;
        }, http));
        lines.add(time("by-employer, cold caches", COLD_REQUESTS, i -> cold(engagement), http));
        lines.add(time("by-employer, warm", REQUESTS, i -> engagement, http));
        lines.add(time("by-employer, after a write to one school", REQUESTS, i -> {
            recordEncounter(hub, REQUESTS + WARMUPS + i);
            return engagement;
        }, http));
        System.out.printf("%n| request | first (ms) | p50 (ms) | p99 (ms) | max (ms) | n |%n"
                + "|---|---:|---:|---:|---:|---:|%n");
        lines.forEach(System.out::println);
    }

    /** Every school gets a new version, as a write would give it: nothing cached for it is used again. */
    private String cold(String path) {
        serving().schools().updateMany(new Document(),
                new Document("$set", new Document(SchoolVersions.FIELD, new ObjectId())));
        return path;
    }

    private static String time(String label, int requests, IntFunction<String> path, RestClient http) {
        return BenchmarkTimer.row(label, WARMUPS, requests, path, http);
    }

    private void recordEncounter(GeneratedHub hub, int i) {
        writer().write(List.of(hub.extraTalk(i, "Finance", EmployerSize.SMALL)));
    }

    /** Generation 1, which a fresh database serves: written directly, as the projection would. */
    private CoverageCollections serving() {
        return CoverageCollections.of(database, 1);
    }

    private CoverageWriter writer() {
        return new CoverageWriter(serving());
    }
}
