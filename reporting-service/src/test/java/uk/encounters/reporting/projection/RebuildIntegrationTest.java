package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventJson;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;
import uk.encounters.reporting.coverage.GeneratedHistory;
import uk.encounters.reporting.coverage.History;
import uk.encounters.reporting.coverage.Measure;

/**
 * A rebuild through the admin endpoints, against real Kafka and MongoDB: the generated history
 * ({@link GeneratedHistory}) is projected, every coverage endpoint's answer captured (hubs, schools, at-risk and
 * evidence lists, pupils, checklists; two academic years; now and as known midway), a rebuild started, and its end
 * compared with the old generation's answers. The monitor's checks are driven by the test (the scheduled ones are an
 * hour apart), so "while it builds" is a state the test holds, not a race it hopes to win.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encounters.coverage.check-interval=1h",
        "encounters.coverage.drop-after=0s"})
class RebuildIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();
    private static final String STATUS = "/api/v1/admin/projections/coverage";
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2026, 7, 31));
    /** The last events of the history are sent while the rebuild runs. */
    private static final int SENT_DURING_REBUILD = 25;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-rebuild");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    CoverageGenerations generations;
    @Autowired
    MongoDatabase database;

    private RestClient http;
    private TestEvents events;
    /** The school of each pupil and encounter, so each request is signed by that school's careers leader. */
    private final Map<String, String> schoolOf = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(new Bearer().pupilsAndEncountersOf(id -> schoolOf.getOrDefault(id, "none")))
                .build();
        events = new TestEvents(INFRA.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    /** Status and body of one response; JSON compared as a tree, so the order of an object's fields is no matter. */
    record Answer(int status, JsonNode body) {
    }

    @Test
    void rebuildsIntoNewCollectionsWhileTheOldOnesAnswerAndSwitchesOverToTheSameFigures() {
        List<History.Stamped> history = GeneratedHistory.generate(new Random(20261124L)).events();
        Instant midway = history.get(history.size() / 2).stamp().recordedAt();
        List<String> uris = uris(history, midway);
        int before = history.size() - SENT_DURING_REBUILD;
        publish(history.subList(0, before));
        awaitCaughtUp("serving");
        Map<String, Answer> beforeRebuild = capture(uris);
        assertThat(beforeRebuild.values()).filteredOn(a -> a.status() == 200).hasSizeGreaterThan(uris.size() / 2);

        Map<String, Object> started = http.post().uri(STATUS + "/rebuild").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertThat(generation(started, "serving")).isEqualTo(1);
        assertThat(generation(started, "building")).isEqualTo(2);
        Answer again = http.post().uri(STATUS + "/rebuild").exchange((request, response) -> new Answer(
                response.getStatusCode().value(), EventJson.MAPPER.readTree(response.getBody())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("already running", "generation 2");

        // While it builds, the old generation answers as before.
        assertThat(capture(uris)).isEqualTo(beforeRebuild);
        // The instance restarts mid-build: both generations' consumers come back where their groups left off.
        generations.stop();
        generations.start();
        publish(history.subList(before, history.size()));
        awaitCaughtUp("serving");
        awaitCaughtUp("building");
        Map<String, Object> building = status();
        assertThat(generation(building, "serving")).isEqualTo(1);
        assertThat(map(building.get("building"))).containsEntry("lag", 0)
                .containsEntry("end", map(building.get("serving")).get("end"));
        Map<String, Answer> old = capture(uris);
        assertThat(old).as("the events sent during the rebuild change some answers").isNotEqualTo(beforeRebuild);

        generations.check();

        Map<String, Object> switched = status();
        assertThat(generation(switched, "serving")).isEqualTo(2);
        assertThat(switched.get("building")).isNull();
        assertThat(database.getCollection(ProjectionPointer.COLLECTION)
                .find(new Document("_id", CoverageGenerations.PROJECTION)).first())
                .containsEntry("serving", 2L).doesNotContainKey("building");
        assertThat(generationsInDatabase()).containsExactly(2L, 2L, 2L, 2L);
        Map<String, Answer> rebuilt = capture(uris);
        uris.forEach(uri -> assertThat(rebuilt.get(uri)).as(uri).isEqualTo(old.get(uri)));
    }

    /** Every coverage endpoint for the history's hubs, schools, pupils and encounters, with clock variants. */
    private static List<String> uris(List<History.Stamped> history, Instant midway) {
        List<String> uris = new ArrayList<>();
        for (LocalDate asOf : DATES) {
            for (String known : List.of("", "&knownAt=" + midway)) {
                GeneratedHistory.HUBS.forEach(hub -> uris.add("/api/v1/hubs/" + hub + "/coverage?asOf=" + asOf + known));
                for (String school : GeneratedHistory.SCHOOLS) {
                    uris.add("/api/v1/schools/" + school + "/coverage?asOf=" + asOf + known);
                    for (Measure measure : Measure.values()) {
                        uris.add("/api/v1/schools/" + school + "/at-risk?measure=" + measure + "&asOf=" + asOf + known);
                        uris.add("/api/v1/schools/" + school + "/coverage/evidence?measure=" + measure + "&asOf="
                                + asOf + known);
                    }
                }
            }
        }
        List<String> encounters = history.stream().map(e -> e.stamp().aggregateId())
                .filter(id -> id.startsWith("encounter-")).distinct()
                .map(id -> id.substring("encounter-".length())).toList();
        List<String> pupils = history.stream().map(e -> e.event() instanceof PupilEnrolled p ? p.pupilId() : null)
                .filter(Objects::nonNull).distinct().toList();
        // Every one now, every third also as known midway.
        for (int i = 0; i < encounters.size(); i++) {
            uris.add("/api/v1/encounters/" + encounters.get(i) + "/checklist");
            if (i % 3 == 0) {
                uris.add("/api/v1/encounters/" + encounters.get(i) + "/checklist?knownAt=" + midway);
            }
        }
        for (int i = 0; i < pupils.size(); i++) {
            uris.add("/api/v1/pupils/" + pupils.get(i) + "/coverage?asOf=" + DATES.getLast());
            if (i % 3 == 0) {
                uris.add("/api/v1/pupils/" + pupils.get(i) + "/coverage?asOf=" + DATES.getLast() + "&knownAt=" + midway);
            }
        }
        return uris;
    }

    private Map<String, Answer> capture(List<String> uris) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String uri : uris) {
            answers.put(uri, http.get().uri(uri).exchange((request, response) -> new Answer(
                    response.getStatusCode().value(), EventJson.MAPPER.readTree(response.getBody()))));
        }
        return answers;
    }

    private void publish(List<History.Stamped> stamped) {
        List<EventRecord> school = new ArrayList<>();
        List<EventRecord> encounter = new ArrayList<>();
        for (History.Stamped event : stamped) {
            EventRecord record = new EventRecord(event.event(), event.stamp().eventId(), event.stamp().aggregateId(),
                    event.stamp().sequence(), event.stamp().recordedAt(), event.stamp().recordedBy());
            (event.event() instanceof SchoolEvent ? school : encounter).add(record);
            switch (event.event()) {
                case PupilEnrolled e -> schoolOf.put(e.pupilId(), e.schoolId());
                case EncounterRecorded e -> schoolOf.put(e.encounterId(), e.schoolId());
                default -> { }
            }
        }
        events.sendAll(SCHOOL_TOPIC, school);
        events.sendAll(ENCOUNTER_TOPIC, encounter);
    }

    /** Until the generation's group has handled everything on the topics. */
    private void awaitCaughtUp(String which) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> generation = map(status().get(which));
            assertThat(generation).isNotNull();
            assertThat(((Number) generation.get("end")).longValue()).isPositive();
            assertThat(generation).containsEntry("lag", 0);
        });
    }

    private Map<String, Object> status() {
        return http.get().uri(STATUS).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    /** The generation of each coverage collection in the database, sorted. */
    private List<Long> generationsInDatabase() {
        List<Long> found = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            OptionalLong generation = CoverageCollections.generationOf(name);
            generation.ifPresent(found::add);
        }
        return found.stream().sorted().toList();
    }

    private static Object generation(Map<String, Object> status, String which) {
        return map(status.get(which)).get("generation");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
