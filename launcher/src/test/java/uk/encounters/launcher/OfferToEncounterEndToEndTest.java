package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.infra.Infrastructure;

/**
 * The main flow across all three services, each in its own JVM, through their public HTTP APIs only: a school
 * uploads its roll and posts a shout-out, an employer offers from the board, the school accepts, the shout-out fills
 * (and the hub's view says so), and the school records the encounter with its register and checklist, which
 * encounter-service checks against the roll it learnt from school-service and evaluates for the 2024 framework.
 */
class OfferToEncounterEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Platform platform;
    private static IdentityTokens tokens;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        tokens = SharedPlatform.tokens();
    }

    @Test
    void anOfferAcceptedByTheSchoolIsRecordedAsAMeaningfulEncounterForThePupilsOnItsRoll() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String admin = tokens.admin();
        String hubId = send(Service.SCHOOL, "POST", admin, "/api/v1/hubs", Map.of("name", "Tees Valley"), 201)
                .get("hubId").asString();
        String urn = String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
        String schoolId = send(Service.SCHOOL, "POST", admin, "/api/v1/schools", Map.of("urn", urn,
                "name", "Eastfield Academy", "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)),
                201).get("schoolId").asString();
        String leader = tokens.careersLeader(hubId, schoolId);
        JsonNode upload = sendCsv(leader, "/api/v1/schools/" + schoolId + "/roll", """
                UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,AdmissionDate,LeavingDate
                B801200005001,Amara,Okafor,14/05/2011,10,F,N,Y,01/09/2022,
                Y936412026001,Leo,Smith,02/01/2011,10,M,K,N,01/09/2022,
                A000000000000,Zara,Ahmed,30/03/2011,10,F,N,N,01/09/2022,
                """);
        assertThat(upload.get("enrolled").asInt()).isEqualTo(3);
        String shoutOutId = send(Service.SCHOOL, "POST", leader, "/api/v1/schools/" + schoolId + "/shout-outs", Map.of(
                "title", "Careers talk: working in engineering", "activityType", "CAREERS_TALK",
                "sectors", List.of("Engineering"), "yearGroups", List.of(10), "places", 3,
                "startDate", today.toString(), "endDate", today.plusDays(30).toString(), "mode", "IN_PERSON",
                "location", "Eastfield Academy, TS17 6AB"), 201).get("shoutOutId").asString();

        String employer = tokens.employer("tees-bridge-works-" + UUID.randomUUID());
        String employerId = send(Service.ENCOUNTER, "POST", employer, "/api/v1/employers", Map.of(
                "name", "Tees Bridge Works", "sector", "Engineering", "size", "MEDIUM", "postcode", "TS2 1RS"), 201)
                .get("employerId").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                find(get(Service.ENCOUNTER, employer, "/api/v1/shout-outs?status=OPEN&sector=Engineering"), "shoutOutId",
                        shoutOutId))
                .as("on the employers' board").isNotNull());
        String offerId = send(Service.ENCOUNTER, "POST", employer, "/api/v1/shout-outs/" + shoutOutId + "/offers", Map.of(
                "employerId", employerId, "proposedDate", today.plusDays(7).toString(),
                "message", "Two of our apprentices can come"), 201).get("offerId").asString();

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode shoutOut = find(get(Service.SCHOOL, leader, "/api/v1/schools/" + schoolId + "/shout-outs"), "shoutOutId",
                    shoutOutId);
            assertThat(find(shoutOut.get("offers"), "offerId", offerId)).as("offer at the school").isNotNull();
        });
        send(Service.SCHOOL, "POST", leader, "/api/v1/shout-outs/" + shoutOutId + "/offers/" + offerId + "/accept",
                Map.of(), 200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                find(get(Service.REPORTING, tokens.hubCoordinator(hubId), "/api/v1/hubs/" + hubId
                        + "/shout-outs?status=FILLED"), "shoutOutId", shoutOutId))
                .as("filled in the hub's view").isNotNull());

        List<String> pupils = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            pupils.clear();
            get(Service.SCHOOL, leader, "/api/v1/schools/" + schoolId + "/pupils").forEach(p -> pupils.add(p.get("pupilId").asString()));
            assertThat(pupils).hasSize(3);
        });
        Map<String, Object> encounter = Map.ofEntries(Map.entry("schoolId", schoolId),
                Map.entry("employerId", employerId), Map.entry("shoutOutId", shoutOutId), Map.entry("offerId", offerId),
                Map.entry("activityType", "CAREERS_TALK"), Map.entry("benchmarks", List.of("GB5")),
                Map.entry("date", today.toString()), Map.entry("hours", 1.5), Map.entry("mode", "IN_PERSON"),
                Map.entry("attendees", pupils), Map.entry("checklist", Map.of("PURPOSE_SHARED", true,
                        "LEARNING_OUTCOMES", true, "TWO_WAY_INTERACTION", true, "REFLECTION", true)));
        // The roster may still be catching up with the roll: the service says so with a retryable 409.
        String[] encounterId = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = exchange(Service.ENCOUNTER, "POST", leader, "/api/v1/encounters", encounter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            encounterId[0] = JSON.readTree(response.body()).get("encounterId").asString();
        });

        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                Infrastructure.forTests().kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("encounter.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
                    JsonNode body = JSON.readTree(record.value());
                    if (body.has("encounterId") && encounterId[0].equals(body.get("encounterId").asString())) {
                        published.add(JSON.createObjectNode().put("type", type).set("body", body));
                    }
                }
                assertThat(published).extracting(node -> node.get("type").asString())
                        .contains("encounter.EncounterScheduled.v1", "encounter.EncounterRecorded.v1");
            });
        }
        JsonNode recorded = published.stream().filter(n -> n.get("type").asString().equals("encounter.EncounterRecorded.v1"))
                .findFirst().orElseThrow().get("body");
        assertThat(recorded.get("schoolId").asString()).isEqualTo(schoolId);
        assertThat(recorded.get("offerId").asString()).isEqualTo(offerId);
        assertThat(recorded.get("framework").asString()).isEqualTo("V2024");
        assertThat(recorded.get("meaningful").get("GB5").asBoolean()).isTrue();
        assertThat(recorded.get("attendees")).extracting(JsonNode::asString).containsExactlyInAnyOrderElementsOf(pupils);
        assertThat(recorded.toString()).doesNotContain("Okafor", "B801200005001", "2011-05-14");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asString())) {
                return node;
            }
        }
        return null;
    }

    private static JsonNode send(Service service, String method, String token, String path, Object body,
                                 int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(service, method, token, path, body);
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> exchange(Service service, String method, String token, String path,
                                                 Object body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(service, path)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sendCsv(String token, String path, String csv) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url(Service.SCHOOL, path + "?academicYear="
                        + currentAcademicYear())).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("roll upload -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** 1 September to 31 August, written 2026-27 in a query string. */
    private static String currentAcademicYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    private static JsonNode get(Service service, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url(service, path))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static URI url(Service service, String path) {
        return platform.baseUrl(service).resolve(path);
    }
}
