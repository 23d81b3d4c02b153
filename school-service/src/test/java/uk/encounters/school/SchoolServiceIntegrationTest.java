package uk.encounters.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventHeaders;
import uk.encounters.platform.messaging.EventJson;

/**
 * Through the HTTP API to Kafka: what school-service publishes when a hub, a school and a shout-out are created, and
 * how schools and hubs read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolServiceIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final JsonMapper JSON = EventJson.MAPPER;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
        INFRA.springProperties("school-it-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Value("${local.server.port}")
    int port;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(bearer).build();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    @Test
    void aPostedShoutOutIsPublishedAfterItsSchoolAndHubWithTypeIdentityAndActingUser() {
        bearer.asAdmin();
        String hubId = created("/api/v1/hubs", Map.of("name", "Tees Valley"), "hubId");
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        String schoolId = created("/api/v1/schools", Map.of("urn", urn, "name", "Northfield School",
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), "schoolId");
        bearer.as(Bearer.ISSUER.as("CAREERS_LEADER", schoolId).subject("acc-careers-leader-1").mint());
        String shoutOutId = created("/api/v1/schools/" + schoolId + "/shout-outs", Map.of(
                "title", "Mock interviews for Year 11", "activityType", "MOCK_INTERVIEWS",
                "sectors", List.of("Finance"), "yearGroups", List.of(11), "places", 30,
                "startDate", "2099-01-11", "endDate", "2099-02-12", "mode", "IN_PERSON"), "shoutOutId");

        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        consumer.assign(consumer.partitionsFor("school.events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                String body = new String(record.value(), StandardCharsets.UTF_8);
                if (body.contains(hubId)) {
                    ours.add(record);
                }
            });
            assertThat(ours).extracting(r -> header(r, EventHeaders.TYPE)).containsExactlyInAnyOrder(
                    "school.HubRegistered.v1", "school.SchoolRegistered.v1", "school.ShoutOutPosted.v1");
        });

        ConsumerRecord<String, byte[]> posted = ours.stream()
                .filter(r -> header(r, EventHeaders.TYPE).equals("school.ShoutOutPosted.v1")).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> registered = ours.stream()
                .filter(r -> header(r, EventHeaders.TYPE).equals("school.SchoolRegistered.v1")).findFirst().orElseThrow();
        assertThat(posted.key()).isEqualTo(schoolId);
        assertThat(registered.key()).isEqualTo(schoolId);
        assertThat(posted.partition()).isEqualTo(registered.partition());
        assertThat(posted.offset()).isGreaterThan(registered.offset());
        assertThat(header(posted, EventHeaders.AGGREGATE_ID)).isEqualTo(shoutOutId);
        assertThat(header(posted, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("0");
        assertThat(header(posted, EventHeaders.ACTING_USER)).as("the token's account id").isEqualTo("acc-careers-leader-1");
        assertThat(header(posted, EventHeaders.EVENT_ID)).isNotBlank();
        assertThat(header(posted, EventHeaders.OCCURRED_AT)).isNotBlank();
        assertThat(new String(posted.value(), StandardCharsets.UTF_8))
                .contains("\"shoutOutId\":\"" + shoutOutId + "\"", "\"hubId\":\"" + hubId + "\"")
                .doesNotContain("uk.encounters");
    }

    @Test
    void aShoutOutForAYearGroupTheSchoolDoesNotTeachIsRejectedWithTheFieldNamed() {
        bearer.asAdmin();
        String hubId = created("/api/v1/hubs", Map.of("name", "Tees Valley"), "hubId");
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        String schoolId = created("/api/v1/schools", Map.of("urn", urn, "name", "Southfield School",
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), "schoolId");
        bearer.asCareersLeaderOf(schoolId);

        var response = http.post().uri("/api/v1/schools/{id}/shout-outs", schoolId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Sixth-form talk", "activityType", "CAREERS_TALK", "yearGroups", List.of(12),
                        "places", 30, "startDate", "2099-01-11", "endDate", "2099-02-12", "mode", "IN_PERSON"))
                .exchange((request, reply) -> Map.entry(reply.getStatusCode(),
                        new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);

        assertThat(response.getKey()).isEqualTo(HttpStatusCode.valueOf(422));
        assertThat(response.getValue()).contains("\"field\":\"yearGroups\"", "does not teach year group(s) [12]");
    }

    @Test
    void aSecondSchoolWithTheSameUrnIsAConflict() {
        bearer.asAdmin();
        String hubId = created("/api/v1/hubs", Map.of("name", "Tees Valley"), "hubId");
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        created("/api/v1/schools", Map.of("urn", urn, "name", "First", "type", "SCHOOL", "hubId", hubId), "schoolId");

        var status = http.post().uri("/api/v1/schools").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("urn", urn, "name", "Second", "type", "SCHOOL", "hubId", hubId))
                .exchange((request, reply) -> reply.getStatusCode(), true);

        assertThat(status).isEqualTo(HttpStatusCode.valueOf(409));
    }

    @Test
    void aSchoolInAnUnknownHubIsRejected() {
        bearer.asAdmin();
        var status = http.post().uri("/api/v1/schools").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("urn", "123456", "name", "Nowhere School", "type", "SCHOOL", "hubId", "no-such-hub"))
                .exchange((request, reply) -> reply.getStatusCode(), true);

        assertThat(status).isEqualTo(HttpStatusCode.valueOf(422));
    }

    @Test
    void aSchoolReadsBackWithItsHubAndRollAndItsHubListsItsSchoolsByNameThenId() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        bearer.asAdmin();
        String hubId = created("/api/v1/hubs", Map.of("name", "Tees Valley Careers Hub"), "hubId");
        String durham = created("/api/v1/hubs", Map.of("name", "Durham"), "hubId");
        String northfield = registerSchool("northfield-" + run, "Northfield School", "SCHOOL", hubId,
                List.of(7, 8, 9, 10, 11));
        String kaderB = registerSchool("kader-b-" + run, "Kader Academy", "SCHOOL", hubId, List.of(7, 8, 9, 10, 11));
        String kaderA = registerSchool("kader-a-" + run, "Kader Academy", "SCHOOL", hubId, List.of(7, 8, 9, 10, 11));
        String acklam = registerSchool("acklam-" + run, "acklam grange", "SCHOOL", hubId, List.of(7, 8, 9));
        String college = registerSchool("college-" + run, "Stockton Sixth Form College", "COLLEGE", hubId, List.of());

        String coordinator = Bearer.ISSUER.hubCoordinator(hubId);
        assertThat(get("/api/v1/hubs/" + hubId, coordinator))
                .isEqualTo(new Reply(200, "{\"hubId\":\"" + hubId + "\",\"name\":\"Tees Valley Careers Hub\"}"));
        assertThat(get("/api/v1/hubs/" + hubId, Bearer.ISSUER.admin()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                schoolIdsOf(hubId, coordinator)).containsExactly(acklam, kaderA, kaderB, northfield, college));
        JsonNode listed = JSON.readTree(get("/api/v1/hubs/" + hubId + "/schools", Bearer.ISSUER.admin()).body());
        assertThat(listed.get(4).toString()).isEqualTo("{\"schoolId\":\"" + college + "\",\"urn\":\""
                + listed.get(4).get("urn").asString() + "\",\"name\":\"Stockton Sixth Form College\","
                + "\"type\":\"COLLEGE\",\"yearGroups\":[12,13]}");
        assertThat(listed.get(0).get("yearGroups").toString()).isEqualTo("[7,8,9]");
        assertThat(get("/api/v1/hubs/" + durham + "/schools", Bearer.ISSUER.admin()).body()).isEqualTo("[]");

        String leader = Bearer.ISSUER.careersLeader(northfield);
        JsonNode record = JSON.readTree(get("/api/v1/schools/" + northfield, leader).body());
        assertThat(record.toString()).isEqualTo("{\"schoolId\":\"" + northfield + "\",\"urn\":\""
                + record.get("urn").asString() + "\",\"name\":\"Northfield School\",\"type\":\"SCHOOL\","
                + "\"hubId\":\"" + hubId + "\",\"hubName\":\"Tees Valley Careers Hub\",\"yearGroups\":[7,8,9,10,11],"
                + "\"rollAcademicYear\":null,\"pupilsOnRoll\":0}");
        assertThat(get("/api/v1/schools/" + northfield, coordinator).body()).as("the coordinator reads the same")
                .isEqualTo(record.toString());

        bearer.as(leader);
        String year = AcademicYears.containing(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
        http.put().uri("/api/v1/schools/{id}/roll?academicYear={year}", northfield, year)
                .contentType(MediaType.valueOf("text/csv")).body("""
                        UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,AdmissionDate,LeavingDate
                        B801200005001,Amara,Okafor,14/05/2011,10,F,N,Y,01/09/2022,
                        Y936412026001,Leo,Smith,02/01/2013,8,M,K,N,01/09/2024,
                        """.getBytes(StandardCharsets.UTF_8)).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode withRoll = JSON.readTree(get("/api/v1/schools/" + northfield, coordinator).body());
            assertThat(withRoll.get("rollAcademicYear").asString()).isEqualTo(year);
            assertThat(withRoll.get("pupilsOnRoll").asInt()).isEqualTo(2);
        });

        bearer.asAdmin();
        http.put().uri("/api/v1/schools/{id}/hub", northfield).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("hubId", durham)).retrieve().toBodilessEntity();
        JsonNode moved = JSON.readTree(get("/api/v1/schools/" + northfield, leader).body());
        assertThat(moved.get("hubId").asString()).isEqualTo(durham);
        assertThat(moved.get("hubName").asString()).isEqualTo("Durham");
        assertThat(get("/api/v1/schools/" + northfield, coordinator).status()).as("no longer its coordinator's")
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(schoolIdsOf(hubId, coordinator)).containsExactly(acklam, kaderA, kaderB, college);
            assertThat(schoolIdsOf(durham, Bearer.ISSUER.hubCoordinator(durham))).containsExactly(northfield);
        });
    }

    @Test
    void aHubOrSchoolThatDoesNotExistIsNotFoundInTheWordsOfARefusal() {
        Reply hub = get("/api/v1/hubs/no-such-hub", Bearer.ISSUER.admin());
        assertThat(hub.status()).isEqualTo(404);
        assertThat(hub.body()).contains("\"detail\":\"There is no hub with id no-such-hub.\"");
        assertThat(get("/api/v1/hubs/no-such-hub/schools", Bearer.ISSUER.admin())).isEqualTo(hub
                .withBody(hub.body().replace("/api/v1/hubs/no-such-hub", "/api/v1/hubs/no-such-hub/schools")));
        assertThat(get("/api/v1/hubs/no-such-hub", Bearer.ISSUER.hubCoordinator("another-hub")).body())
                .as("a refusal").isEqualTo(hub.body());

        Reply school = get("/api/v1/schools/no-such-school", Bearer.ISSUER.careersLeader("no-such-school"));
        assertThat(school.status()).isEqualTo(404);
        assertThat(school.body()).contains("\"detail\":\"There is no school with id no-such-school.\"");
        assertThat(get("/api/v1/schools/no-such-school", Bearer.ISSUER.careersLeader("another-school")).body())
                .as("a refusal").isEqualTo(school.body());
    }

    @Test
    void theOpenApiDocumentDescribesTheReads() {
        String docs = http.get().uri("/v3/api-docs").retrieve().body(String.class);

        assertThat(docs).contains("\"/api/v1/schools/{schoolId}\"", "\"/api/v1/hubs/{hubId}\"",
                "\"/api/v1/hubs/{hubId}/schools\"", "\"/api/v1/shout-outs/{shoutOutId}\"", "sorted by name",
                "\"yearGroup\"", "\"onRoll\"", "\"employerName\"", "\"pupilsOnRoll\"");
    }

    private String registerSchool(String schoolId, String name, String type, String hubId, List<Integer> yearGroups) {
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        return created("/api/v1/schools", Map.of("schoolId", schoolId, "urn", urn, "name", name, "type", type,
                "hubId", hubId, "yearGroups", yearGroups), "schoolId");
    }

    private List<String> schoolIdsOf(String hubId, String token) {
        Reply reply = get("/api/v1/hubs/" + hubId + "/schools", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body()).valueStream().map(school -> school.get("schoolId").asString()).toList();
    }

    private record Reply(int status, String body) {

        Reply withBody(String other) {
            return new Reply(status, other);
        }
    }

    /** With this token rather than the test's current one. */
    private Reply get(String path, String token) {
        return http.get().uri(path).header("Authorization", "Bearer " + token)
                .exchange((request, reply) -> new Reply(reply.getStatusCode().value(),
                        new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    @SuppressWarnings("unchecked")
    private String created(String path, Map<String, ?> body, String idField) {
        Map<String, Object> response = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
        assertThat(response).containsKey(idField);
        return (String) response.get(idField);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
