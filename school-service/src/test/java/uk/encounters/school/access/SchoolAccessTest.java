package uk.encounters.school.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.testing.TestProducer;
import uk.encounters.platform.security.testing.AccessMatrix;
import uk.encounters.platform.security.testing.AccessMatrix.Endpoint;
import uk.encounters.platform.security.testing.AccessMatrix.Reply;
import uk.encounters.platform.security.testing.TestIssuer;
import uk.encounters.school.Bearer;

/**
 * school-service's access matrix (docs/access.md) endpoint by endpoint, and the cross-tenant attacks of issue 6:
 * school A's careers leader reading and replacing B's roll and reading or acting on B's shout-outs, hub X's
 * coordinator reading hub Y and its schools, and forged, expired, wrongly signed and foreign tokens. Every refusal
 * is checked to change nothing.
 */
// Spring Security at DEBUG, so the log check covers what it would print when someone turns logging up.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=DEBUG")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SchoolAccessTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestIssuer ISSUER = Bearer.ISSUER;
    private static final String ENCOUNTER_TOPIC = "encounter.events.access-" + UUID.randomUUID();
    /** Names nobody else uses, so the log check cannot be fooled by a coincidence. */
    private static final String PUPIL_FORENAME = "Zephyrine";
    private static final String PUPIL_SURNAME = "Quillfeather";

    static final String ADMIN = "admin";
    static final String LEADER_A = "careers leader of A";
    static final String LEADER_B = "careers leader of B";
    static final String COORDINATOR_X = "coordinator of X (A's hub)";
    static final String COORDINATOR_Y = "coordinator of Y (B's hub)";
    static final String EMPLOYER = "employer";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INFRA.springProperties("school-access-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
        Bearer.trustTestIssuer(registry);
        registry.add("encounters.topics.encounter", () -> ENCOUNTER_TOPIC);
        registry.add("encounters.messaging.consumed-topics", () -> ENCOUNTER_TOPIC);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventStore eventStore;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private String hubX;
    private String hubY;
    private String schoolA;
    private String schoolB;
    private String movable;
    /** Shout-outs of A: one to edit, one to withdraw, one with an offer to accept and one to decline. */
    private String editA;
    private String withdrawA;
    private String acceptA;
    private String declineA;
    private String shoutOutB;

    @BeforeAll
    void setUpTwoHubsWithASchoolEach() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(bearer).build();
        bearer.asAdmin();
        hubX = created("/api/v1/hubs", Map.of("name", "Hub X"), "hubId");
        hubY = created("/api/v1/hubs", Map.of("name", "Hub Y"), "hubId");
        schoolA = created("/api/v1/schools", school(hubX), "schoolId");
        schoolB = created("/api/v1/schools", school(hubY), "schoolId");
        movable = created("/api/v1/schools", school(hubX), "schoolId");
        bearer.asCareersLeaderOf(schoolA);
        roll(schoolA);
        editA = created("/api/v1/schools/" + schoolA + "/shout-outs", shoutOut(), "shoutOutId");
        withdrawA = created("/api/v1/schools/" + schoolA + "/shout-outs", shoutOut(), "shoutOutId");
        acceptA = created("/api/v1/schools/" + schoolA + "/shout-outs", shoutOut(), "shoutOutId");
        declineA = created("/api/v1/schools/" + schoolA + "/shout-outs", shoutOut(), "shoutOutId");
        bearer.asCareersLeaderOf(schoolB);
        roll(schoolB);
        shoutOutB = created("/api/v1/schools/" + schoolB + "/shout-outs", shoutOut(), "shoutOutId");
        offer(schoolA, acceptA, "o-accept");
        offer(schoolA, declineA, "o-decline");
        offer(schoolB, shoutOutB, "o-b");
        // Offers arrive through Kafka and append events: wait for them before comparing the store's head.
        bearer.asCareersLeaderOf(schoolA);
        await().atMost(Duration.ofSeconds(30)).until(() -> offersIn(schoolA) == 2);
        bearer.asCareersLeaderOf(schoolB);
        await().atMost(Duration.ofSeconds(30)).until(() -> offersIn(schoolB) == 1);
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAllowsItsRoleAndTenantAndRefusesEveryoneElse() {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put(ADMIN, ISSUER::admin);
        callers.put(LEADER_A, () -> ISSUER.careersLeader(schoolA));
        callers.put(LEADER_B, () -> ISSUER.careersLeader(schoolB));
        callers.put(COORDINATOR_X, () -> ISSUER.hubCoordinator(hubX));
        callers.put(COORDINATOR_Y, () -> ISSUER.hubCoordinator(hubY));
        callers.put(EMPLOYER, () -> ISSUER.employer("employer-1"));
        AccessMatrix matrix = new AccessMatrix(URI.create("http://localhost:" + port), callers,
                eventStore::createHeadToken);
        String year = "?academicYear=" + currentYear();
        return matrix.tests(List.of(
                Endpoint.of("POST", "/api/v1/hubs", () -> "-", id -> json(Map.of("name", "Another hub")))
                        .allow(ADMIN, 201).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("POST", "/api/v1/schools", () -> hubX, id -> json(school(id)))
                        .allow(ADMIN, 201).allow(COORDINATOR_X, 201).refuse(COORDINATOR_Y, 422)
                        .refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(EMPLOYER, 403),
                Endpoint.of("PUT", "/api/v1/schools/{schoolId}/hub", () -> movable,
                                id -> json(Map.of("hubId", hubX)))
                        .allow(ADMIN, 200).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("PUT", "/api/v1/schools/{schoolId}/roll" + year, () -> schoolA, id -> rollCsv())
                        .contentType("text/csv")
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/pupils", () -> schoolA)
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("POST", "/api/v1/schools/{schoolId}/shout-outs", () -> schoolA, id -> json(shoutOut()))
                        .allow(LEADER_A, 201).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/shout-outs", () -> schoolA)
                        .allow(LEADER_A, 200).allow(COORDINATOR_X, 200).refuse(LEADER_B, 404)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}", () -> schoolA)
                        .allow(LEADER_A, 200).allow(COORDINATOR_X, 200).refuse(LEADER_B, 404)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/hubs/{hubId}", () -> hubX)
                        .allow(COORDINATOR_X, 200).allow(ADMIN, 200).refuse(COORDINATOR_Y, 404)
                        .refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/hubs/{hubId}/schools", () -> hubX)
                        .allow(COORDINATOR_X, 200).allow(ADMIN, 200).refuse(COORDINATOR_Y, 404)
                        .refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(EMPLOYER, 403),
                Endpoint.of("GET", "/api/v1/shout-outs/{shoutOutId}", () -> editA)
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("PUT", "/api/v1/shout-outs/{shoutOutId}", () -> editA, id -> json(shoutOut()))
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("POST", "/api/v1/shout-outs/{shoutOutId}/withdraw", () -> withdrawA,
                                id -> json(Map.of("reason", "Exams moved")))
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("POST", "/api/v1/shout-outs/{shoutOutId}/offers/o-accept/accept", () -> acceptA)
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403),
                Endpoint.of("POST", "/api/v1/shout-outs/{shoutOutId}/offers/o-decline/decline", () -> declineA,
                                id -> json(Map.of("reason", "Dates do not suit")))
                        .allow(LEADER_A, 200).refuse(LEADER_B, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403).refuse(EMPLOYER, 403)));
    }

    // --- the attacks of issue 6, one by one

    @Test
    void schoolAReadingSchoolBsRollGetsTheAnswerForASchoolThatDoesNotExist() {
        Reply reply = send("GET", "/api/v1/schools/" + schoolB + "/pupils", ISSUER.careersLeader(schoolA), null);
        Reply missing = send("GET", "/api/v1/schools/no-such-school/pupils", ISSUER.careersLeader(schoolA), null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain(PUPIL_FORENAME, PUPIL_SURNAME, "B801200005001")
                .isEqualTo(missing.body().replace("no-such-school", schoolB));
    }

    @Test
    void schoolAReplacingSchoolBsRollIsRefusedAndBsRollIsUnchanged() {
        Object head = eventStore.createHeadToken();
        String emptyRoll = "UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,AdmissionDate,LeavingDate\n";

        Reply reply = sendCsv("/api/v1/schools/" + schoolB + "/roll?academicYear=" + currentYear(),
                ISSUER.careersLeader(schoolA), emptyRoll);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(eventStore.createHeadToken()).isEqualTo(head);
        Reply roll = send("GET", "/api/v1/schools/" + schoolB + "/pupils", ISSUER.careersLeader(schoolB), null);
        assertThat(roll.body()).contains(PUPIL_FORENAME, "B801200005001");
    }

    @Test
    void schoolAActingOnSchoolBsShoutOutIsRefusedAndChangesNothing() {
        String leaderA = ISSUER.careersLeader(schoolA);
        Object head = eventStore.createHeadToken();
        String before = send("GET", "/api/v1/schools/" + schoolB + "/shout-outs", ISSUER.careersLeader(schoolB), null)
                .body();

        assertThat(send("PUT", "/api/v1/shout-outs/" + shoutOutB, leaderA, json(shoutOut())).status()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/shout-outs/" + shoutOutB + "/withdraw", leaderA, "{}").status()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/shout-outs/" + shoutOutB + "/offers/o-b/accept", leaderA, null).status())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/shout-outs/" + shoutOutB + "/offers/o-b/decline", leaderA, "{}").status())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/schools/" + schoolB + "/shout-outs", leaderA, json(shoutOut())).status())
                .isEqualTo(404);

        Reply read = send("GET", "/api/v1/shout-outs/" + shoutOutB, leaderA, null);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Mock interviews", "o-b");

        assertThat(eventStore.createHeadToken()).isEqualTo(head);
        assertThat(send("GET", "/api/v1/schools/" + schoolB + "/shout-outs", ISSUER.careersLeader(schoolB), null)
                .body()).isEqualTo(before);
    }

    @Test
    void theCoordinatorOfHubXCannotReadASchoolOfHubYNorRegisterOneThere() {
        String coordinatorX = ISSUER.hubCoordinator(hubX);

        assertThat(send("GET", "/api/v1/schools/" + schoolB + "/shout-outs", coordinatorX, null).status())
                .isEqualTo(404);
        Reply schoolRecord = send("GET", "/api/v1/schools/" + schoolB, coordinatorX, null);
        assertThat(schoolRecord.status()).isEqualTo(404);
        assertThat(schoolRecord.body()).doesNotContain(hubY, "Northfield");
        Reply hubSchools = send("GET", "/api/v1/hubs/" + hubY + "/schools", coordinatorX, null);
        assertThat(hubSchools.status()).isEqualTo(404);
        assertThat(hubSchools.body()).doesNotContain(schoolB);
        assertThat(send("GET", "/api/v1/hubs/" + hubY, coordinatorX, null).body()).doesNotContain("Hub Y");
        assertThat(send("GET", "/api/v1/schools/" + schoolA, coordinatorX, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/schools/" + schoolA + "/shout-outs", coordinatorX, null).status())
                .isEqualTo(200);
        Object head = eventStore.createHeadToken();
        assertThat(send("POST", "/api/v1/schools", coordinatorX, json(school(hubY))).status()).isEqualTo(422);
        assertThat(eventStore.createHeadToken()).isEqualTo(head);
    }

    @Test
    void aBadTokenForSchoolBsLeaderReadsNothing() {
        ISSUER.badTokens(TestIssuer.CAREERS_LEADER, schoolB).forEach((name, token) -> {
            Reply reply = send("GET", "/api/v1/schools/" + schoolB + "/pupils", token, null);

            assertThat(reply.status()).as(name).isEqualTo(401);
            assertThat(reply.body()).as(name).doesNotContain(PUPIL_FORENAME, token);
        });
    }

    @Test
    void aBadTokenForSchoolAsLeaderReplacesNotItsRoll() {
        String withoutLeo = rollCsv().lines().filter(line -> !line.contains("Leo"))
                .collect(Collectors.joining("\n", "", "\n"));
        Object head = eventStore.createHeadToken();

        ISSUER.badTokens(TestIssuer.CAREERS_LEADER, schoolA).forEach((name, token) -> {
            Reply reply = sendCsv("/api/v1/schools/" + schoolA + "/roll?academicYear=" + currentYear(), token,
                    withoutLeo);

            assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(401);
            assertThat(eventStore.createHeadToken()).as(name + " changed nothing").isEqualTo(head);
        });
        assertThat(send("GET", "/api/v1/schools/" + schoolA + "/pupils", ISSUER.careersLeader(schoolA), null).body())
                .contains("Leo", PUPIL_FORENAME);
    }

    @Test
    void logsCarryNoTokenAndNoPupilName(CapturedOutput output) {
        String leaderA = ISSUER.careersLeader(schoolA);
        String forged = ISSUER.as(TestIssuer.CAREERS_LEADER, schoolB).signedByAnotherKey().mint();

        bearer.as(leaderA);
        roll(schoolA);
        send("GET", "/api/v1/schools/" + schoolA + "/pupils", leaderA, null);
        send("GET", "/api/v1/schools/" + schoolB + "/pupils", leaderA, null);
        send("GET", "/api/v1/schools/" + schoolB + "/pupils", forged, null);
        sendCsv("/api/v1/schools/" + schoolA + "/roll?academicYear=" + currentYear(), leaderA,
                rollCsv().replace("14/05/2011", "31/02/2011"));

        assertThat(output.getAll()).doesNotContain(leaderA, forged, PUPIL_FORENAME, PUPIL_SURNAME);
        assertThat(output.getAll()).doesNotContain(leaderA.substring(leaderA.lastIndexOf('.') + 1))
                .doesNotContainPattern(TestIssuer.JWT_SHAPE);
    }

    // --- helpers

    private Map<String, Object> school(String hubId) {
        return Map.of("urn", String.valueOf(100000 + (int) (Math.random() * 899999)), "name", "Northfield School",
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11));
    }

    private static Map<String, Object> shoutOut() {
        return Map.of("title", "Mock interviews", "activityType", "MOCK_INTERVIEWS", "yearGroups", List.of(11),
                "places", 30, "startDate", "2099-01-11", "endDate", "2099-02-12", "mode", "IN_PERSON");
    }

    private static String rollCsv() {
        return """
                UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,AdmissionDate,LeavingDate
                B801200005001,%s,%s,14/05/2011,10,F,N,Y,01/09/2022,
                Y936412026001,Leo,Smith,02/01/2013,8,M,K,N,01/09/2024,
                """.formatted(PUPIL_FORENAME, PUPIL_SURNAME);
    }

    private void roll(String schoolId) {
        http.put().uri("/api/v1/schools/{id}/roll?academicYear={year}", schoolId, currentYear())
                .contentType(MediaType.valueOf("text/csv")).body(rollCsv().getBytes(StandardCharsets.UTF_8))
                .retrieve().toBodilessEntity();
    }

    private static String currentYear() {
        LocalDate today = LocalDate.now();
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }

    @SuppressWarnings("unchecked")
    private String created(String path, Map<String, ?> body, String idField) {
        Map<String, Object> response = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
        return (String) response.get(idField);
    }

    @SuppressWarnings("unchecked")
    private int offersIn(String schoolId) {
        List<Map<String, Object>> views = http.get().uri("/api/v1/schools/{id}/shout-outs", schoolId).retrieve()
                .body(List.class);
        return views.stream().mapToInt(view -> ((List<?>) view.get("offers")).size()).sum();
    }

    private void offer(String schoolId, String shoutOutId, String offerId) {
        EmployerOffered offered = new EmployerOffered(offerId, "employer-" + offerId, shoutOutId, schoolId,
                LocalDate.of(2099, 1, 20), "Happy to help", ActivityType.MOCK_INTERVIEWS, "Mock interviews", 5,
                DeliveryMode.IN_PERSON);
        try (var producer = TestProducer.create(INFRA.kafkaBootstrapServers())) {
            producer.send(new EventRecord(offered, UUID.randomUUID().toString(), offerId, 0L, Instant.now(),
                    "acc-employer-1").toProducerRecord(ENCOUNTER_TOPIC)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, ?> body) {
        return uk.encounters.platform.messaging.EventJson.MAPPER.writeValueAsString(body);
    }

    private Reply send(String method, String path, String token, String jsonBody) {
        return exchange(method, path, token, jsonBody, "application/json");
    }

    private Reply sendCsv(String path, String token, String csv) {
        return exchange("PUT", path, token, csv, "text/csv");
    }

    private Reply exchange(String method, String path, String token, String body, String type) {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", type);
        }
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
