package uk.encounters.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.security.testing.AccessMatrix;
import uk.encounters.platform.security.testing.AccessMatrix.Endpoint;
import uk.encounters.platform.security.testing.TestIssuer;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;

/**
 * reporting-service's access matrix (docs/access.md) endpoint by endpoint, and the attacks of issue 6 that reach it:
 * an employer fetching a pupil's coverage, hub X's coordinator reading hub Y, a school reading another's pupils, and a
 * coordinator reading a school's figures without its pupils' ids, and forged, expired, wrongly signed and foreign
 * tokens asking for a rebuild. A refusal must leave the projections' generation pointers as they were.
 */
// Spring Security at DEBUG, so the log check covers what it would print when someone turns logging up.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=DEBUG")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ReportingAccessTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestIssuer ISSUER = Bearer.ISSUER;
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String ADMIN = "admin";
    static final String LEADER_A = "careers leader of A";
    static final String LEADER_B = "careers leader of B";
    static final String COORDINATOR_X = "coordinator of X (A's hub)";
    static final String COORDINATOR_Y = "coordinator of Y (B's hub)";
    static final String EMPLOYER_1 = "employer 1 (A's encounter)";
    static final String EMPLOYER_2 = "employer 2";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-access");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoDatabase database;

    private final String hubX = "hub-x-" + UUID.randomUUID();
    private final String hubY = "hub-y-" + UUID.randomUUID();
    private final String schoolA = "school-a-" + UUID.randomUUID();
    private final String schoolB = "school-b-" + UUID.randomUUID();
    private final String pupilA = "pupil-a-" + UUID.randomUUID();
    private final String pupilB = "pupil-b-" + UUID.randomUUID();
    private final String encounterA = "encounter-a-" + UUID.randomUUID();
    private final String encounterB = "encounter-b-" + UUID.randomUUID();
    private final String employer1 = "employer-1-" + UUID.randomUUID();
    private final String employer2 = "employer-2-" + UUID.randomUUID();

    /** A school in each hub, each with a Year 11 pupil who has not met GB5 and an encounter that did not count. */
    @BeforeAll
    void twoHubsWithASchoolEach() {
        try (TestEvents events = new TestEvents(INFRA.kafkaBootstrapServers())) {
            for (String[] s : new String[][] {{schoolA, hubX, pupilA, encounterA, employer1},
                    {schoolB, hubY, pupilB, encounterB, employer2}}) {
                events.send(SCHOOL_TOPIC, event(new SchoolRegistered(s[0], "100001", "School", SchoolType.SCHOOL, s[1],
                        List.of(7, 8, 9, 10, 11)), "school-" + s[0], 0));
                events.send(SCHOOL_TOPIC, event(new PupilEnrolled(s[2], s[0], "2026/27", 11, LocalDate.of(2026, 9, 1),
                        Sen.NONE, false, Gender.FEMALE, null), "roll-" + s[0], 0));
                events.send(ENCOUNTER_TOPIC, event(visit(s[3], s[0], s[4], s[2]), s[3], 0));
            }
        }
        // Every record the tests read must have been projected: the topics' partitions are consumed independently.
        await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of(
                        get("/api/v1/pupils/" + pupilA + "/coverage", ISSUER.careersLeader(schoolA)),
                        get("/api/v1/pupils/" + pupilB + "/coverage", ISSUER.careersLeader(schoolB)),
                        get("/api/v1/encounters/" + encounterA + "/checklist", ISSUER.careersLeader(schoolA)),
                        get("/api/v1/encounters/" + encounterB + "/checklist", ISSUER.careersLeader(schoolB)),
                        get("/api/v1/hubs/" + hubX + "/coverage", ISSUER.hubCoordinator(hubX)),
                        get("/api/v1/hubs/" + hubY + "/coverage", ISSUER.hubCoordinator(hubY)))
                .allMatch(reply -> reply.statusCode() == 200)
                && get("/api/v1/hubs/" + hubX + "/encounters/by-employer?academicYear=2026/27",
                        ISSUER.hubCoordinator(hubX)).body().contains("\"encounters\":1,"));
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAllowsItsRoleAndTenantAndRefusesEveryoneElse() {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put(ADMIN, ISSUER::admin);
        callers.put(LEADER_A, () -> ISSUER.careersLeader(schoolA));
        callers.put(LEADER_B, () -> ISSUER.careersLeader(schoolB));
        callers.put(COORDINATOR_X, () -> ISSUER.hubCoordinator(hubX));
        callers.put(COORDINATOR_Y, () -> ISSUER.hubCoordinator(hubY));
        callers.put(EMPLOYER_1, () -> ISSUER.employer(employer1));
        callers.put(EMPLOYER_2, () -> ISSUER.employer(employer2));
        // Reports only read; what a refused request could change is which generation of a projection serves.
        AccessMatrix matrix = new AccessMatrix(URI.create("http://localhost:" + port), callers, this::pointers);
        return matrix.tests(List.of(
                Endpoint.of("GET", "/api/v1/hubs/{hubId}/coverage", () -> hubX)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).allow(COORDINATOR_X, 200),
                Endpoint.of("GET", "/api/v1/hubs/{hubId}/coverage/trend?academicYear=2026/27", () -> hubX)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).allow(COORDINATOR_X, 200),
                Endpoint.of("GET", "/api/v1/hubs/{hubId}/encounters/by-employer?academicYear=2026/27", () -> hubX)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).allow(COORDINATOR_X, 200),
                Endpoint.of("GET", "/api/v1/hubs/{hubId}/shout-outs", () -> hubX)
                        .refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403).refuse(LEADER_B, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403).allow(COORDINATOR_X, 200),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/coverage", () -> schoolA)
                        .refuse(LEADER_B, 404).refuse(COORDINATOR_Y, 404).refuse(ADMIN, 403)
                        .refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(LEADER_A, 200).allow(COORDINATOR_X, 200),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/at-risk?measure=GB5", () -> schoolA)
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR_X, 403)
                        .refuse(COORDINATOR_Y, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(LEADER_A, 200),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/coverage/evidence?measure=GB5", () -> schoolA)
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR_X, 403)
                        .refuse(COORDINATOR_Y, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(LEADER_A, 200),
                Endpoint.of("GET", "/api/v1/pupils/{pupilId}/coverage", () -> pupilA)
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR_X, 403)
                        .refuse(COORDINATOR_Y, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(LEADER_A, 200),
                Endpoint.of("GET", "/api/v1/encounters/{encounterId}/checklist", () -> encounterA)
                        .refuse(LEADER_B, 404).refuse(EMPLOYER_2, 404).refuse(ADMIN, 403)
                        .refuse(COORDINATOR_X, 403).refuse(COORDINATOR_Y, 403)
                        .allow(LEADER_A, 200).allow(EMPLOYER_1, 200),
                Endpoint.of("GET", "/api/v1/admin/projections/{name}", () -> "coverage")
                        .refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(COORDINATOR_X, 403)
                        .refuse(COORDINATOR_Y, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(ADMIN, 200),
                // The rebuild this starts answers with the same figures (RebuildIntegrationTest), so the other
                // tests here are undisturbed.
                Endpoint.of("POST", "/api/v1/admin/projections/{name}/rebuild", () -> "coverage")
                        .refuse(LEADER_A, 403).refuse(LEADER_B, 403).refuse(COORDINATOR_X, 403)
                        .refuse(COORDINATOR_Y, 403).refuse(EMPLOYER_1, 403).refuse(EMPLOYER_2, 403)
                        .allow(ADMIN, 202)));
    }

    // --- the attacks of issue 6 that reach this service

    @Test
    void anEmployerCannotFetchAPupilsCoverageNotEvenOneAtItsOwnEncounter() {
        HttpResponse<String> reply = get("/api/v1/pupils/" + pupilA + "/coverage", ISSUER.employer(employer1));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).as("the refusal echoes the path asked for, nothing more")
                .doesNotContain("\"years\"", encounterA);
        assertThat(get("/api/v1/encounters/" + encounterA + "/checklist", ISSUER.employer(employer1)).body())
                .as("the employer's own encounter, without its register").doesNotContain(pupilA);
    }

    @Test
    void theCoordinatorOfHubXCannotReadHubYNorItsSchools() {
        String coordinatorX = ISSUER.hubCoordinator(hubX);

        for (String path : List.of("/api/v1/hubs/" + hubY + "/coverage", "/api/v1/hubs/" + hubY + "/shout-outs",
                "/api/v1/hubs/" + hubY + "/coverage/trend", "/api/v1/hubs/" + hubY + "/encounters/by-employer",
                "/api/v1/schools/" + schoolB + "/coverage")) {
            HttpResponse<String> reply = get(path, coordinatorX);
            assertThat(reply.statusCode()).as(path).isEqualTo(404);
            assertThat(reply.body()).doesNotContain(pupilB, encounterB);
        }
    }

    @Test
    void aCoordinatorReadsTheirSchoolsFiguresButNotItsPupils() {
        HttpResponse<String> asCoordinator = get("/api/v1/schools/" + schoolA + "/coverage",
                ISSUER.hubCoordinator(hubX));
        HttpResponse<String> asSchool = get("/api/v1/schools/" + schoolA + "/coverage", ISSUER.careersLeader(schoolA));

        assertThat(asSchool.body()).contains(pupilA);
        assertThat(asCoordinator.statusCode()).isEqualTo(200);
        assertThat(asCoordinator.body()).contains("\"gb5\"").contains("\"atRisk\":{}").doesNotContain(pupilA);
        // The hub's own figures are aggregates: no pupil in them either.
        Map<String, String> hubFigures = Map.of("/coverage/trend?academicYear=2026/27", "\"gb6By16\"",
                "/encounters/by-employer?academicYear=2026/27", "\"bySize\"");
        hubFigures.forEach((path, figure) -> {
            HttpResponse<String> reply = get("/api/v1/hubs/" + hubX + path, ISSUER.hubCoordinator(hubX));
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).as(path).contains(figure).doesNotContain(pupilA);
        });
    }

    @Test
    void schoolAReadsNeitherBsPupilsNorBsEncounters() {
        String leaderA = ISSUER.careersLeader(schoolA);

        assertThat(get("/api/v1/pupils/" + pupilB + "/coverage", leaderA).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/schools/" + schoolB + "/at-risk?measure=GB5", leaderA).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/encounters/" + encounterB + "/checklist", leaderA).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadAdminTokenStartsNoRebuild() {
        // The matrix's own rebuild may still be running; its switch-over would move the pointer under this test.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> pointers().stream().allMatch(pointer -> pointer.get("building") == null));
        List<Document> before = pointers();

        ISSUER.badTokens(TestIssuer.PLATFORM_ADMIN, null).forEach((name, token) -> {
            HttpResponse<String> reply = send("POST", "/api/v1/admin/projections/coverage/rebuild", token);

            assertThat(reply.statusCode()).as(name + ": " + reply.body()).isEqualTo(401);
            assertThat(pointers()).as(name + " started no rebuild").isEqualTo(before);
        });
    }

    /** No pupil names reach this service; its opaque pupil ids do appear, in the path of a pupil's coverage. */
    @Test
    void logsCarryNoToken(CapturedOutput output) {
        String leaderA = ISSUER.careersLeader(schoolA);
        String forged = ISSUER.forged(TestIssuer.HUB_COORDINATOR, hubY);

        get("/api/v1/schools/" + schoolA + "/coverage/evidence?measure=GB5", leaderA);
        get("/api/v1/schools/" + schoolB + "/coverage", leaderA);
        get("/api/v1/hubs/" + hubY + "/coverage", forged);
        send("POST", "/api/v1/admin/projections/coverage/rebuild", ISSUER.forged(TestIssuer.PLATFORM_ADMIN, null));

        assertThat(output.getAll()).as("Spring Security logged at DEBUG").contains("Secured GET /api/v1/schools/")
                .doesNotContain(leaderA, forged, forged.substring(forged.lastIndexOf('.') + 1))
                .doesNotContainPattern(TestIssuer.JWT_SHAPE);
    }

    // --- helpers

    /** The projections' generation pointers: which generation serves, and whether one is being built. */
    private List<Document> pointers() {
        return database.getCollection("projections").find().into(new ArrayList<>());
    }

    private static EncounterRecorded visit(String encounterId, String schoolId, String employerId, String pupilId) {
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), true);
        }
        return new EncounterRecorded(encounterId, schoolId, employerId, "Health", EmployerSize.LARGE, null, null,
                ActivityType.WORKPLACE_VISIT, List.of(Benchmark.GB6), LocalDate.of(2026, 10, 1), "2026/27",
                new BigDecimal("3"), DeliveryMode.IN_PERSON, "Site", null, List.of(pupilId), checklist,
                Map.of(Benchmark.GB6, true), FrameworkVersion.forAcademicYear("2026/27"));
    }

    private static EventRecord event(IntegrationEvent event, String aggregateId, long sequence) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, Instant.now(), "user-1");
    }

    private HttpResponse<String> get(String path, String token) {
        return send("GET", path, token);
    }

    private HttpResponse<String> send(String method, String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
