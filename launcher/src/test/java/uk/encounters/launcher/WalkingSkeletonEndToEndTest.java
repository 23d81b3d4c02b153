package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.infra.Infrastructure;

/**
 * The walking skeleton across all three services, each in its own JVM from its runnable jar, sharing only Kafka and
 * MongoDB: a shout-out posted to school-service shows on encounter-service's board and in reporting-service's view of
 * the hub, carried by Kafka.
 */
class WalkingSkeletonEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
    }

    @Test
    void aShoutOutPostedToSchoolServiceReachesTheBoardAndTheHubView() throws Exception {
        String admin = SharedPlatform.tokens().admin();
        String hubId = post(Service.SCHOOL, admin, "/api/v1/hubs", Map.of("name", "Tees Valley Careers Hub"))
                .get("hubId").asString();
        String urn = String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
        String schoolId = post(Service.SCHOOL, admin, "/api/v1/schools", Map.of("urn", urn, "name", "Northfield School",
                "type", "SCHOOL", "hubId", hubId)).get("schoolId").asString();
        String shoutOutId = post(Service.SCHOOL, SharedPlatform.tokens().careersLeader(hubId, schoolId),
                "/api/v1/schools/" + schoolId + "/shout-outs", Map.of(
                "title", "Careers talk for History", "description", "Archivists and museum curators wanted",
                "activityType", "CAREERS_TALK", "sectors", List.of("Culture and heritage"), "yearGroups", List.of(9),
                "places", 2, "startDate", "2099-03-01", "endDate", "2099-03-31", "mode", "HYBRID"))
                .get("shoutOutId").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode board = get(Service.ENCOUNTER, SharedPlatform.tokens().employer("e2e-employer-" + hubId),
                    "/api/v1/shout-outs?status=OPEN");
            JsonNode entry = find(board, shoutOutId);
            assertThat(entry).as("shout-out on the employers' board").isNotNull();
            assertThat(entry.get("schoolName").asString()).isEqualTo("Northfield School");
            assertThat(entry.get("title").asString()).isEqualTo("Careers talk for History");
            assertThat(entry.get("status").asString()).isEqualTo("OPEN");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode hubView = get(Service.REPORTING, SharedPlatform.tokens().hubCoordinator(hubId),
                    "/api/v1/hubs/" + hubId + "/shout-outs?status=OPEN");
            assertThat(hubView).hasSize(1);
            JsonNode entry = find(hubView, shoutOutId);
            assertThat(entry).as("shout-out in the hub's unmet demand").isNotNull();
            assertThat(entry.get("schoolName").asString()).isEqualTo("Northfield School");
            assertThat(entry.get("offerCount").asInt()).isZero();
        });
    }

    @Test
    void everyServiceIsReadyWithKafkaAndMongoAndPublishesMetricsAndItsApiDocument() throws Exception {
        for (Service service : Service.values()) {
            if (!service.isApi()) {
                assertThat(get(service, null, "/actuator/health/readiness").get("status").asString())
                        .as(service + " readiness").isEqualTo("UP");
                continue;
            }
            JsonNode readiness = get(service, null, "/actuator/health/readiness");
            assertThat(readiness.get("status").asString()).as(service + " readiness").isEqualTo("UP");
            assertThat(readiness.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
            assertThat(readiness.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
            assertThat(get(service, null, "/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
            assertThat(text(service, null, "/actuator/prometheus")).contains("jvm_memory_used_bytes");
            assertThat(get(service, null, "/v3/api-docs").get("openapi").asString()).startsWith("3.");
        }
    }

    @Test
    void eventTopicsExistWithAllTheirPartitionsAndAreKeptForeverWhicheverServiceStartedFirst() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.forTests().kafkaBootstrapServers()))) {
            var topics = List.of("school.events", "encounter.events");
            var described = admin.describeTopics(topics).allTopicNames().get();
            var configs = admin.describeConfigs(topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get();
            for (String topic : topics) {
                assertThat(described.get(topic).partitions()).as(topic + " partitions").hasSize(3);
                var retention = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get("retention.ms");
                assertThat(retention.value()).as(topic + " retention").isEqualTo("-1");
            }
        }
    }

    private static JsonNode find(JsonNode array, String shoutOutId) {
        for (JsonNode node : array) {
            if (shoutOutId.equals(node.get("shoutOutId").asString())) {
                return node;
            }
        }
        return null;
    }

    private static JsonNode post(Service service, String token, String path, Map<String, ?> body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url(service, path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** {@code token} null for the open endpoints (health, Prometheus, the API document). */
    private static JsonNode get(Service service, String token, String path) throws IOException, InterruptedException {
        return JSON.readTree(text(service, token, path));
    }

    private static String text(Service service, String token, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(service, path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static URI url(Service service, String path) {
        return platform.baseUrl(service).resolve(path);
    }
}
