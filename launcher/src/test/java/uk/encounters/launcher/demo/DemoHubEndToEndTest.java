package uk.encounters.launcher.demo;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.infra.Infrastructure;
import uk.encounters.launcher.Platform;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.SharedPlatform;

/**
 * A small demo hub (an 11-18 school and a college, about 150 pupils, 10 employers) loaded into the three services
 * through their HTTP APIs, then checked through the same APIs and on the {@code encounter.events} topic: rolls,
 * shout-outs with offers in every state, encounters under both framework versions with corrections, overrides and a
 * withdrawal, unmet demand in the hub coordinator's view.
 */
class DemoHubEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DemoTokens TOKENS = SharedPlatform.tokens();

    private static Platform platform;
    private static DemoPlan plan;
    private static DemoHubReport report;

    @BeforeAll
    static void startPlatformAndLoadTheDemoHub() {
        platform = SharedPlatform.get();
        // A prefix of its own, so that a rerun against long-lived external servers does not meet an earlier run.
        String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        plan = DemoPlan.generate(7, DemoSize.small(), LocalDate.now(ZoneId.of("Europe/London")), prefix);
        report = DemoHub.load(new DemoTarget(platform.baseUrl(Service.SCHOOL), platform.baseUrl(Service.ENCOUNTER),
                platform.baseUrl(Service.REPORTING)), SharedPlatform.tokens(), plan, DemoHub.DEFAULT_THREADS,
                System.out);
        report.print(System.out);
    }

    @Test
    void everyRollIsUploadedWithItsPupils() throws Exception {
        assertThat(plan.schools()).extracting(SchoolPlan::type).map(Enum::name).contains("SCHOOL", "COLLEGE");
        for (SchoolPlan school : plan.schools()) {
            JsonNode pupils = get(Service.SCHOOL, TOKENS.careersLeader(plan.hubId(), school.schoolId()),
                    "/api/v1/schools/" + school.schoolId() + "/pupils?includeLeavers=true");
            assertThat(pupils.size()).as(school.name()).isEqualTo(school.pupils().size());
            Set<Integer> yearGroups = new HashSet<>();
            pupils.forEach(p -> yearGroups.add(p.get("yearGroup").asInt()));
            assertThat(yearGroups).containsExactlyInAnyOrderElementsOf(school.yearGroups());
        }
        assertThat(report.pupils()).isBetween(120, 180);
    }

    @Test
    void shoutOutsHaveOffersInEveryStateAndSomeNoneAtAll() {
        // The schools' view follows the commands by milliseconds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> shoutOutStatuses = new HashSet<>();
            Set<String> offerStatuses = new HashSet<>();
            int withoutOffers = 0;
            for (SchoolPlan school : plan.schools()) {
                for (JsonNode s : get(Service.SCHOOL, TOKENS.careersLeader(plan.hubId(), school.schoolId()),
                        "/api/v1/schools/" + school.schoolId() + "/shout-outs")) {
                    shoutOutStatuses.add(s.get("status").asString());
                    s.get("offers").forEach(o -> offerStatuses.add(o.get("status").asString()));
                    withoutOffers += s.get("offers").isEmpty() ? 1 : 0;
                }
            }
            assertThat(shoutOutStatuses).contains("OPEN", "FILLED", "WITHDRAWN");
            assertThat(offerStatuses).contains("PENDING", "ACCEPTED", "DECLINED");
            assertThat(withoutOffers).isPositive();
        });
    }

    @Test
    void unmetDemandShowsInTheHubCoordinatorsView() throws Exception {
        JsonNode open = get(Service.REPORTING, TOKENS.hubCoordinator(plan.hubId()),
                "/api/v1/hubs/" + plan.hubId() + "/shout-outs?status=OPEN");
        List<Integer> offerCounts = new ArrayList<>();
        open.forEach(s -> offerCounts.add(s.get("offerCount").asInt()));
        assertThat(offerCounts).contains(0).anyMatch(count -> count > 0);
        JsonNode board = get(Service.ENCOUNTER, TOKENS.employer(plan.employers().getFirst().employerId()),
                "/api/v1/shout-outs?status=OPEN");
        Set<String> onBoard = new HashSet<>();
        board.forEach(s -> onBoard.add(s.get("shoutOutId").asString()));
        open.forEach(s -> assertThat(onBoard).contains(s.get("shoutOutId").asString()));
    }

    @Test
    void encountersAreRecordedUnderBothFrameworksAndCorrectedOverriddenAndWithdrawn() {
        Set<String> schools = new HashSet<>();
        plan.schools().forEach(s -> schools.add(s.schoolId()));
        int recorded = report.encounters();
        Map<String, Integer> types = new HashMap<>();
        Set<String> frameworks = new HashSet<>();
        Set<String> academicYears = new HashSet<>();
        Set<String> withOffers = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", Infrastructure.forTests().kafkaBootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor("encounter.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode body = JSON.readTree(record.value());
                    if (!schools.contains(body.path("schoolId").asString(""))) {
                        continue;
                    }
                    String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
                    types.merge(type, 1, Integer::sum);
                    if (type.equals("encounter.EncounterRecorded.v1")) {
                        frameworks.add(body.get("framework").asString());
                        academicYears.add(body.get("academicYear").asString());
                        if (!body.path("offerId").isNull() && !body.path("offerId").isMissingNode()) {
                            withOffers.add(body.get("encounterId").asString());
                        }
                    }
                }
                return types.getOrDefault("encounter.EncounterRecorded.v1", 0) >= recorded
                        && types.containsKey("encounter.EncounterWithdrawn.v1");
            });
        }
        assertThat(types.get("encounter.EncounterRecorded.v1")).isEqualTo(recorded);
        assertThat(frameworks).containsExactlyInAnyOrder("V2014", "V2024");
        assertThat(academicYears).hasSizeGreaterThanOrEqualTo(3);
        assertThat(types).containsKeys("encounter.AttendanceCorrected.v1", "encounter.MeaningfulnessOverridden.v1",
                "encounter.EncounterWithdrawn.v1");
        assertThat(withOffers).as("encounters recorded against an accepted offer and an own activity").hasSize(2);
    }

    /**
     * A sample of docs/access.md with the demo's own accounts (identity-service's tokens): each reads what it may,
     * and another hub's or school's data answers 404, a role an endpoint is not for 403. The services' access tests
     * run the whole matrix.
     */
    @Test
    void theDemoAccountsReadTheirOwnAndAreRefusedElsewhere() throws Exception {
        String admin = TOKENS.admin();
        String leader = TOKENS.careersLeader(plan.hubId(), plan.schools().getFirst().schoolId());
        String coordinator = TOKENS.hubCoordinator(plan.hubId());
        String employer = TOKENS.employer(plan.employers().getFirst().employerId());
        String school = plan.schools().getFirst().schoolId();
        String otherHub = post(Service.SCHOOL, admin, "/api/v1/hubs", Map.of("name", "Another Careers Hub"))
                .get("hubId").asString();
        String otherSchool = post(Service.SCHOOL, admin, "/api/v1/schools", Map.of("urn",
                String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999)), "name", "Elsewhere School",
                "type", "SCHOOL", "hubId", otherHub)).get("schoolId").asString();
        String pupilId = get(Service.SCHOOL, leader, "/api/v1/schools/" + school + "/pupils").get(0).get("pupilId")
                .asString();

        assertThat(status(Service.REPORTING, leader, "/api/v1/pupils/" + pupilId + "/coverage")).isEqualTo(200);
        assertThat(status(Service.REPORTING, leader, "/api/v1/schools/" + school + "/at-risk?measure=GB6_BY_16"))
                .isEqualTo(200);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/schools/" + school + "/coverage")).isEqualTo(200);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/hubs/" + plan.hubId() + "/coverage"))
                .isEqualTo(200);
        assertThat(status(Service.ENCOUNTER, employer, "/api/v1/shout-outs?status=OPEN")).isEqualTo(200);

        assertThat(status(Service.SCHOOL, leader, "/api/v1/schools/" + otherSchool + "/pupils")).as("another school")
                .isEqualTo(404);
        assertThat(status(Service.SCHOOL, leader, "/api/v1/schools/" + otherSchool + "/shout-outs"))
                .as("another school").isEqualTo(404);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/hubs/" + otherHub + "/coverage"))
                .as("another hub").isEqualTo(404);
        assertThat(status(Service.SCHOOL, coordinator, "/api/v1/schools/" + otherSchool + "/shout-outs"))
                .as("a school of another hub").isEqualTo(404);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/schools/" + school + "/at-risk?measure=GB5"))
                .as("pupil ids are for the school's staff").isEqualTo(403);
        assertThat(status(Service.REPORTING, employer, "/api/v1/pupils/" + pupilId + "/coverage"))
                .as("an employer and a pupil's coverage").isEqualTo(403);
        assertThat(status(Service.REPORTING, admin, "/api/v1/hubs/" + plan.hubId() + "/coverage"))
                .as("admins manage hubs and accounts only").isEqualTo(403);
        assertThat(status(Service.REPORTING, null, "/api/v1/hubs/" + plan.hubId() + "/coverage")).isEqualTo(401);
    }

    private static JsonNode post(Service service, String token, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(platform.baseUrl(service).resolve(path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static int status(Service service, String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.baseUrl(service).resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode get(Service service, String token, String path) throws IOException, InterruptedException {
        URI uri = platform.baseUrl(service).resolve(path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
