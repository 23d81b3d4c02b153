package uk.encounters.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventHeaders;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.EventJson;
import uk.encounters.platform.messaging.testing.TestProducer;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * The whole service on the test infrastructure (real Kafka, the configured MongoDB), with school-service played by a
 * plain Kafka producer writing its events in the exact wire format. Subclasses share one application context: the
 * listeners' consumer groups must not be split between two live contexts on the JVM-wide broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTestSupport.FixedClock.class)
public abstract class IntegrationTestSupport {

    /** A Monday in 2026/27: the service's "today" in these tests. */
    protected static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    protected static final Infrastructure INFRA = Infrastructure.forTests();
    protected static final TestIssuer ISSUER = TestIssuer.shared();

    /** The day the tests' recorded careers talks were held. */
    protected static final String HELD = "2026-10-15";

    /** A request recording a careers talk held on {@link #HELD} with every 2024 GB5 item met. */
    protected static Map<String, Object> recording(String school, String employer, List<String> attendees) {
        Map<String, Object> request = new HashMap<>();
        request.put("schoolId", school);
        request.put("employerId", employer);
        request.put("activityType", "CAREERS_TALK");
        request.put("date", HELD);
        request.put("hours", 1.5);
        request.put("mode", "IN_PERSON");
        request.put("attendees", attendees);
        request.put("checklist", Map.of("PURPOSE_SHARED", true, "LEARNING_OUTCOMES", true,
                "TWO_WAY_INTERACTION", true, "REFLECTION", true));
        return request;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("encounter-it-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add(TestIssuer.ISSUER_PROPERTY, ISSUER::issuerUri);
        // No back-off between redeliveries in tests; a poison record should fail fast.
        registry.add("encounters.messaging.consumer.initial-back-off", () -> "50ms");
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    protected MongoDatabase database;

    protected RestClient http;
    private KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
        producer = TestProducer.create(INFRA.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    // --- school-service, played by a producer

    /** Publishes school events as school-service would: keyed by school, typed and identified by headers. */
    protected void schoolPublishes(String aggregateId, IntegrationEvent... events) {
        schoolPublishes(aggregateId, List.of(events));
    }

    protected void schoolPublishes(String aggregateId, Collection<? extends IntegrationEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (IntegrationEvent event : events) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            if (event instanceof uk.encounters.contracts.school.OfferAccepted accepted) {
                encounterParties.put(EncounterIds.forOffer(accepted.offerId(), accepted.schoolId()),
                        Map.entry(accepted.schoolId(), accepted.employerId()));
            }
            sent.add(producer.send(new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence,
                    Instant.now(), "school-admin").toProducerRecord("school.events")));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("school event not acknowledged", e);
            }
        }
    }

    /** The roster view's collection and key: a pupil as one school's roll knows them. */
    protected static final String ROSTER = "roster_pupil_stays";

    protected static Document rosterKey(String school, String pupilId) {
        return new Document("schoolId", school).append("pupilId", pupilId);
    }

    /** Waits until the roster view knows every one of these pupils on the school's roll. */
    protected void awaitRoster(String school, Collection<String> pupilIds) {
        await().atMost(Duration.ofSeconds(60)).until(() -> database.getCollection(ROSTER)
                .countDocuments(new Document("_id", new Document("$in", pupilIds.stream()
                        .map(id -> rosterKey(school, id)).toList()))) == pupilIds.size());
    }

    // --- HTTP

    protected Reply post(String path, Object body) {
        String token = callerFor(path, body);
        Reply reply = exchange(http.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body));
        remember(path, body, reply);
        return reply;
    }

    protected Reply put(String path, Object body) {
        String token = callerFor(path, body);
        return exchange(http.put().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /** As an employer browsing the board. */
    protected JsonNode get(String path) {
        return EventJson.MAPPER.readTree(http.get().uri(path).headers(h -> h.setBearerAuth(ISSUER.employer("browsing")))
                .retrieve().body(String.class));
    }

    /** A GET with the given token, whatever its answer. */
    protected Reply get(String path, String token) {
        return exchange(http.get().uri(path).headers(h -> h.setBearerAuth(token)));
    }

    // --- who the tests act as

    private final Map<String, String> offerEmployers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map.Entry<String, String>> encounterParties = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The token of the party a request is about, as docs/access.md requires: the employer registering or named in
     * the body, the careers leader of the school named in the body, and for an offer or encounter in the path, the
     * party that made it (the employer, when cancelling as the employer). The access rules themselves are tested in
     * EncounterAccessTest; these tests are about what the service does for the right caller.
     */
    private String callerFor(String path, Object body) {
        Map<?, ?> fields = body instanceof Map<?, ?> map ? map : Map.of();
        if (path.equals("/api/v1/employers")) {
            Object id = fields.get("employerId");
            return ISSUER.employer(id == null ? "employer-" + UUID.randomUUID() : id.toString());
        }
        if (path.startsWith("/api/v1/offers/")) {
            String offerId = path.split("/")[4];
            return ISSUER.employer(offerEmployers.getOrDefault(offerId, "unknown-employer"));
        }
        if (path.startsWith("/api/v1/encounters/")) {
            var parties = encounterParties.getOrDefault(path.split("/")[4], Map.entry("unknown-school", "unknown"));
            return "EMPLOYER".equals(fields.get("cancelledBy")) ? ISSUER.employer(parties.getValue())
                    : ISSUER.careersLeader(parties.getKey());
        }
        if (fields.get("schoolId") != null) {
            return ISSUER.careersLeader(fields.get("schoolId").toString());
        }
        return ISSUER.employer(String.valueOf(fields.get("employerId")));
    }

    private void remember(String path, Object body, Reply reply) {
        Map<?, ?> fields = body instanceof Map<?, ?> map ? map : Map.of();
        if (reply.status() != 201) {
            return;
        }
        if (reply.body().has("offerId")) {
            offerEmployers.put(reply.text("offerId"), String.valueOf(fields.get("employerId")));
        }
        if (reply.body().has("encounterId")) {
            encounterParties.put(reply.text("encounterId"), Map.entry(String.valueOf(fields.get("schoolId")),
                    String.valueOf(fields.get("employerId"))));
        }
    }

    private static Reply exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, reply) -> new Reply(reply.getStatusCode().value(), reply.getHeaders(),
                EventJson.MAPPER.readTree(new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8))), true);
    }

    protected record Reply(int status, HttpHeaders headers, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }

        /** The {@code field} of each entry of the problem's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        public List<String> errorMessages() {
            List<String> messages = new ArrayList<>();
            body.path("errors").forEach(error -> messages.add(error.path("message").asString()));
            return messages;
        }
    }

    protected String registerEmployer(String name, String sector, String size) {
        Reply reply = post("/api/v1/employers", Map.of("name", name, "sector", sector, "size", size,
                "postcode", "TS17 6AB"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("employerId");
    }

    // --- school-service's side of things, played by the producer

    protected static final LocalDate ADMITTED = LocalDate.of(2022, 9, 1);

    protected String newSchool() {
        String schoolId = "school-" + UUID.randomUUID();
        schoolPublishes(schoolId, new SchoolRegistered(schoolId, "136789", "School " + schoolId, SchoolType.SCHOOL,
                "hub-1", List.of(7, 8, 9, 10, 11)));
        return schoolId;
    }

    protected List<String> enrol(String school, int count) {
        List<String> pupils = new ArrayList<>();
        List<PupilEnrolled> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pupilId = "pupil-" + UUID.randomUUID();
            pupils.add(pupilId);
            events.add(enrolled(pupilId, school, ADMITTED));
        }
        schoolPublishes("roll-" + school, events);
        awaitRoster(school, pupils);
        return pupils;
    }

    protected static PupilEnrolled enrolled(String pupilId, String school, LocalDate admitted) {
        return new PupilEnrolled(pupilId, school, "2026/27", 10, admitted, Sen.NONE, false, Gender.NOT_RECORDED, null);
    }

    protected String shoutOut(String school, String title, ActivityType activity, List<String> sectors,
                              List<Integer> years, String start, String end, DeliveryMode mode, String location) {
        String shoutOutId = "shout-out-" + UUID.randomUUID();
        schoolPublishes(shoutOutId, new ShoutOutPosted(shoutOutId, school, "hub-1", title, "", activity, sectors,
                years, 30, LocalDate.parse(start), LocalDate.parse(end), mode, location));
        return shoutOutId;
    }

    protected void awaitOnBoard(String shoutOutId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> openIds("").contains(shoutOutId));
    }

    protected List<String> openIds(String query) {
        return ids(get("/api/v1/shout-outs?status=OPEN" + query));
    }

    protected static List<String> ids(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.forEach(entry -> ids.add(entry.path("shoutOutId").asString()));
        return ids;
    }

    protected static String offers(String shoutOutId) {
        return "/api/v1/shout-outs/" + shoutOutId + "/offers";
    }

    // --- what encounter-service published

    /** Reads encounter.events from the start until a record matches, and returns every record read. */
    protected List<Published> awaitPublished(Predicate<Published> wanted) {
        List<Published> seen = new ArrayList<>();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(consumer.partitionsFor("encounter.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(Published.of(record));
                }
                return seen.stream().anyMatch(wanted);
            });
        }
        return seen;
    }

    protected Published awaitPublished(String type, String idField, String id) {
        return awaitPublished(p -> p.type().equals(type) && p.body().path(idField).asString().equals(id)).stream()
                .filter(p -> p.type().equals(type) && p.body().path(idField).asString().equals(id))
                .findFirst().orElseThrow();
    }

    protected record Published(String key, String type, Map<String, String> headers, JsonNode body) {

        static Published of(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            return new Published(record.key(), headers.get(EventHeaders.TYPE), headers,
                    EventJson.MAPPER.readTree(record.value()));
        }
    }

    // --- the event store

    /** Commit documents in the event store: a rejected request must not add one. */
    protected long storedCommits() {
        return database.getCollection("events").countDocuments();
    }
}
