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
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventHeaders;

/** Through the HTTP API to Kafka: what school-service publishes when a hub, a school and a shout-out are created. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolServiceIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();

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
