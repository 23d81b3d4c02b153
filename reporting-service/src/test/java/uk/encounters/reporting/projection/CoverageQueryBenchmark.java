package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.infra.Infrastructure;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.coverage.Coverage;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.coverage.HubCoverage;
import uk.encounters.reporting.coverage.SchoolCoverage;

/**
 * Issue 5's query latencies. A 40-school hub ({@link GeneratedHub}: about 40,000 pupils and 3,100 encounters of 30
 * over 2026/27) is written into the coverage store; then each kind of request is timed through the HTTP endpoint, JSON
 * rendering included, one request at a time: p50 and p99 (nearest rank) over {@code benchmark.requests} requests after
 * {@code benchmark.warmups} warm-up requests, and the first request of each kind on its own. The kinds go from the
 * cheapest for the caches (the same report again) to the dearest (every school changed since the last request, as
 * after a restart or a rebuild). It also prints what the caches hold per school and the phases of one uncached hub
 * request. Opt-in and slow (a minute to write the hub): run it by name.
 *
 * <pre>
 * ./mvnw -q -B -pl reporting-service -am test -Dtest=CoverageQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
class CoverageQueryBenchmark {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final int SCHOOLS = Integer.getInteger("benchmark.schools", 40);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 100);
    private static final int WARMUPS = Integer.getInteger("benchmark.warmups", 5);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("reporting-bench-" + UUID.randomUUID()).forEach((k, v) -> registry.add(k, () -> v));
        // Nothing is published in this run; the listener only needs topics of its own.
        registry.add("encounters.topics.school", () -> "school.events-" + UUID.randomUUID());
        registry.add("encounters.topics.encounter", () -> "encounter.events-" + UUID.randomUUID());
        registry.add("encounters.messaging.consumed-topics", () -> "bench.unused");
        registry.add("logging.level.org.apache.kafka", () -> "ERROR");
        Bearer.trustTestIssuer(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    CoverageStore store;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper json;

    @Test
    void coverageQueriesOfAFortySchoolHub() {
        GeneratedHub hub = GeneratedHub.of("bench-hub", SCHOOLS, 1);
        long writeStart = System.nanoTime();
        for (int from = 0; from < hub.events.size(); from += 1_000) {
            writer().write(hub.events.subList(from, Math.min(hub.events.size(), from + 1_000)));
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        System.out.printf("%nhub: %d schools, %d pupils, %d encounters, %d attendances, %d events written in %.1f s"
                        + " (%.0f events/s)%n", hub.schools.size(), hub.pupils(), hub.encounters, hub.attendances,
                hub.events.size(), writeSeconds, hub.events.size() / writeSeconds);
        memory(hub);

        // Signed as the hub's coordinator or the school's careers leader, so the access checks are in the timings.
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(new Bearer())
                .build();
        String big = hub.schools.getFirst().schoolId();
        String hubPath = "/api/v1/hubs/" + hub.hubId + "/coverage?academicYear=2026/27";
        List<String> lines = new ArrayList<>();
        lines.add(time("hub, 31 March census", i -> hubPath + "&asOf=2027-03-31", http));
        lines.add(time("hub, 31 December as known on 5 January",
                i -> hubPath + "&asOf=2026-12-31&knownAt=2027-01-05T00:00:00Z", http));
        lines.add(time("hub, a new asOf each request",
                i -> hubPath + "&asOf=" + LocalDate.of(2026, 9, 1).plusDays(i), http));
        lines.add(time("hub, 31 March, after a write to one school",
                i -> {
                    recordEncounter(hub, i);
                    return hubPath + "&asOf=2027-03-31";
                }, http));
        lines.add(time("hub, 31 March, every school changed (cold caches)", Math.max(5, REQUESTS / 5), i -> {
            serving().schools().updateMany(new Document(),
                    new Document("$set", new Document(SchoolVersions.FIELD, new ObjectId())));
            return hubPath + "&asOf=2027-03-31";
        }, http));
        lines.add(time("at-risk GB5, 1,500-pupil school", i -> "/api/v1/schools/" + big
                + "/at-risk?measure=GB5&academicYear=2026/27&asOf=2027-03-31", http));
        lines.add(time("school coverage, 1,500-pupil school", i -> "/api/v1/schools/" + big
                + "/coverage?academicYear=2026/27&asOf=2027-03-31", http));
        System.out.printf("%n| request | first (ms) | p50 (ms) | p99 (ms) | max (ms) | n |%n"
                + "|---|---:|---:|---:|---:|---:|%n");
        lines.forEach(System.out::println);

        phases(hub);
    }

    /** Times {@code path(i)} for the warm-ups and then the measured requests; one Markdown table row. */
    private String time(String label, IntFunction<String> path, RestClient http) {
        return time(label, REQUESTS, path, http);
    }

    private static String time(String label, int requests, IntFunction<String> path, RestClient http) {
        return BenchmarkTimer.row(label, WARMUPS, requests, path, http);
    }

    private void recordEncounter(GeneratedHub hub, int i) {
        writer().write(List.of(hub.extraTalk(i, "Health", EmployerSize.LARGE)));
    }

    /**
     * One uncached hub request taken apart, medians of five: the MongoDB reads alone (the same batched
     * {@code _id}/{@code $in} finds the store makes), the store's load (reads, JSON parsing and the fold into facts),
     * the ledger, the figures and the JSON rendering.
     */
    private void phases(GeneratedHub hub) {
        LocalDate census = LocalDate.of(2027, 3, 31);
        List<Double> reads = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        List<Double> ledger = new ArrayList<>();
        List<Double> figures = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            reads.add(millis(() -> rawReads(hub.hubId)));
            Facts[] facts = new Facts[1];
            load.add(millis(() -> {
                facts[0] = store.hub(hub.hubId);
                return facts[0].pupils().size();
            }));
            Coverage[] coverage = new Coverage[1];
            ledger.add(millis(() -> {
                coverage[0] = Coverage.of(facts[0], null);
                return 1;
            }));
            HubCoverage[] result = new HubCoverage[1];
            figures.add(millis(() -> {
                result[0] = coverage[0].hub(hub.hubId, census);
                return result[0].schools().size();
            }));
            render.add(millis(() -> json.writeValueAsString(result[0]).length()));
        }
        System.out.printf("%nuncached hub request by phase, median of 5 (ms): MongoDB reads %.0f; store load (reads,"
                        + " JSON parse, fold) %.0f; ledger %.0f; figures %.0f; JSON rendering %.1f%n", median(reads),
                median(load), median(ledger), median(figures), median(render));
    }

    /** What the caches hold per school, measured as the heap after a full collection with and without it. */
    private void memory(GeneratedHub hub) {
        LocalDate census = LocalDate.of(2027, 3, 31);
        long empty = usedHeap();
        List<Facts> facts = new ArrayList<>();
        for (GeneratedHub.Institution school : hub.schools) {
            facts.add(store.school(school.schoolId()));
        }
        long withFacts = usedHeap();
        List<SchoolCoverage> figures = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String schoolId = hub.schools.get(i).schoolId();
            figures.add(Coverage.of(facts.get(i), null).school(schoolId, census).orElseThrow());
        }
        long withFigures = usedHeap();
        System.out.printf("%nheap per school (%d pupils on average): facts %.2f MB, figures for one pair of clocks"
                        + " %.1f KB (%d + %d kept)%n", hub.pupils() / hub.schools.size(),
                (withFacts - empty) / 1e6 / hub.schools.size(), (withFigures - withFacts) / 1e3 / hub.schools.size(),
                facts.size(), figures.size());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Generation 1, which a fresh database serves: written directly, as the projection would. */
    private CoverageCollections serving() {
        return CoverageCollections.of(database, 1);
    }

    private CoverageWriter writer() {
        return new CoverageWriter(serving());
    }

    private int rawReads(String hubId) {
        Document hubDoc = serving().hubs().find(new Document("_id", hubId)).first();
        List<Document> schools = CoverageStore.byIds(serving().schools(),
                hubDoc.getList("schools", String.class), null);
        Set<String> pupilIds = new LinkedHashSet<>();
        Set<String> encounterIds = new LinkedHashSet<>();
        schools.forEach(s -> {
            pupilIds.addAll(s.getList("pupils", String.class, List.of()));
            encounterIds.addAll(s.getList("encounters", String.class, List.of()));
        });
        List<Document> pupils = CoverageStore.byIds(serving().pupils(), pupilIds, null);
        pupils.forEach(p -> encounterIds.addAll(p.getList("encounters", String.class, List.of())));
        return pupils.size() + CoverageStore.byIds(serving().encounters(), encounterIds,
                null).size();
    }

    private static double millis(IntSupplier work) {
        long start = System.nanoTime();
        assertThat(work.getAsInt()).isPositive();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
