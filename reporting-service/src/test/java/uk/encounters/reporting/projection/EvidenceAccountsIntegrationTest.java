package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;

/**
 * Who recorded what, through Kafka: the acting-user header of each event comes out of the school's evidence, a
 * pupil's coverage and an encounter's checklist as the account id; the employer's checklist leaves the school's
 * accounts out; and an entry stored before reporting kept the account reads as null until a rebuild reads it again.
 * <p>
 * Leader A records talk E1 for p1 (checklist not met); leader B corrects its register to p1 and p2 and overrides it
 * to meaningful for GB5. Leader A records talk E2 for p2; leader B withdraws it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encounters.coverage.check-interval=1h",
        "encounters.coverage.drop-after=0s"})
class EvidenceAccountsIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();
    private static final String STATUS = "/api/v1/admin/projections/coverage";
    private static final Instant RECORDED = Instant.parse("2027-01-10T10:00:00Z");
    private static final String YEAR = "2026/27";
    private static final String LEADER_A = "acc-leader-a-" + UUID.randomUUID();
    private static final String LEADER_B = "acc-leader-b-" + UUID.randomUUID();
    private static final String EMPLOYER = "employer-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-accounts");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    CoverageGenerations generations;

    private final String hub = "hub-" + UUID.randomUUID();
    private final String school = "school-" + UUID.randomUUID();
    private final String p1 = "p1-" + UUID.randomUUID();
    private final String p2 = "p2-" + UUID.randomUUID();
    private final String e1 = "e1-" + UUID.randomUUID();
    private final String e2 = "e2-" + UUID.randomUUID();
    private RestClient http;
    private RestClient asEmployer;
    private TestEvents events;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(new Bearer().pupilsAndEncountersOf(school)).build();
        asEmployer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBearerAuth(Bearer.ISSUER.employer(EMPLOYER))).build();
        events = new TestEvents(INFRA.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void evidenceAndChecklistsNameTheAccountThatRecordedEachEvent() {
        Map<String, EventRecord> sent = publishTheYear();

        awaitProjected();

        Map<String, Object> evidence = get("/api/v1/schools/{id}/coverage/evidence?measure=GB5&asOf=2027-03-31",
                school);
        List<Map<String, Object>> pupils = list(evidence.get("pupils"));
        assertThat(pupils).extracting(p -> p.get("pupilId")).containsExactlyInAnyOrder(p1, p2);
        for (Map<String, Object> pupil : pupils) {
            Map<String, Object> talk = list(pupil.get("encounters")).getFirst();
            assertThat(talk).containsEntry("encounterId", e1)
                    .containsEntry("eventIds", List.of(sent.get("recorded").eventId(),
                            sent.get("corrected").eventId(), sent.get("overridden").eventId()));
            assertThat(list(talk.get("events")))
                    .extracting(e -> e.get("eventId"), e -> e.get("type"), e -> e.get("recordedAt"),
                            e -> e.get("recordedBy"))
                    .containsExactly(
                            tuple(sent.get("recorded").eventId(), "encounter.EncounterRecorded.v1",
                                    RECORDED.toString(), LEADER_A),
                            tuple(sent.get("corrected").eventId(), "encounter.AttendanceCorrected.v1",
                                    RECORDED.plusSeconds(60).toString(), LEADER_B),
                            tuple(sent.get("overridden").eventId(), "encounter.MeaningfulnessOverridden.v1",
                                    RECORDED.plusSeconds(120).toString(), LEADER_B));
        }

        Map<String, Object> pupil = get("/api/v1/pupils/{id}/coverage?asOf=2027-03-31", p2);
        Map<String, Object> year = list(pupil.get("years")).getFirst();
        assertThat(list(list(year.get("gb5Encounters")).getFirst().get("events")))
                .extracting(e -> e.get("recordedBy")).containsExactly(LEADER_A, LEADER_B, LEADER_B);

        Map<String, Object> checklist = get("/api/v1/encounters/{id}/checklist", e1);
        assertThat(map(map(checklist.get("results")).get("GB5")))
                .containsEntry("override", true).containsEntry("overrideReason", "seen the plan")
                .containsEntry("overrideEventId", sent.get("overridden").eventId())
                .containsEntry("overrideRecordedBy", LEADER_B);
        assertThat(list(get("/api/v1/encounters/{id}/checklist", e2).get("events")))
                .extracting(e -> e.get("type"), e -> e.get("recordedBy"))
                .containsExactly(tuple("encounter.EncounterRecorded.v1", LEADER_A),
                        tuple("encounter.EncounterWithdrawn.v1", LEADER_B));

        // The employer reads the same checklist, without the school's accounts.
        Map<String, Object> employers = asEmployer.get().uri("/api/v1/encounters/{id}/checklist", e1).retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertThat(list(employers.get("events"))).hasSize(3).allSatisfy(e -> assertThat(e.get("recordedBy")).isNull());
        assertThat(map(map(employers.get("results")).get("GB5")))
                .containsEntry("override", true).containsEntry("meaningful", true);
        assertThat(map(map(employers.get("results")).get("GB5")).get("overrideRecordedBy")).isNull();
        assertThat(employers.toString()).doesNotContain(LEADER_A, LEADER_B);
    }

    /** Entries written before the account was kept have none; a rebuild reads the events, headers and all, again. */
    @Test
    void anEntryStoredWithoutTheAccountReadsAsNullUntilARebuild() {
        Map<String, EventRecord> sent = publishTheYear();
        awaitProjected();
        long serving = ((Number) map(status().get("serving")).get("generation")).longValue();
        CoverageCollections.of(database, serving).encounters().updateOne(new Document("_id", e1), new Document(
                "$unset", new Document("history." + CoverageWriter.key(sent.get("recorded").eventId()) + ".recordedBy",
                "")));

        assertThat(list(get("/api/v1/encounters/{id}/checklist", e1).get("events")))
                .extracting(e -> e.get("recordedBy")).containsExactly(null, LEADER_B, LEADER_B);

        http.post().uri(STATUS + "/rebuild").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> building = map(status().get("building"));
            assertThat(building).isNotNull();
            assertThat(((Number) building.get("end")).longValue()).isPositive();
            assertThat(building).containsEntry("lag", 0);
        });
        generations.check();

        assertThat(((Number) map(status().get("serving")).get("generation")).longValue()).isGreaterThan(serving);
        assertThat(list(get("/api/v1/encounters/{id}/checklist", e1).get("events")))
                .extracting(e -> e.get("recordedBy")).containsExactly(LEADER_A, LEADER_B, LEADER_B);
    }

    /** The story of the class comment, each event with its account in the acting-user header; returns some by name. */
    private Map<String, EventRecord> publishTheYear() {
        Map<String, EventRecord> named = new LinkedHashMap<>();
        String roll = "roll-" + school;
        events.send(SCHOOL_TOPIC, event(new SchoolRegistered(school, "100001", "Northfield School", SchoolType.SCHOOL,
                hub, List.of(7, 8, 9, 10, 11)), "school-" + school, 0, RECORDED, "acc-admin"));
        events.send(SCHOOL_TOPIC, event(enrol(p1), roll, 0, RECORDED, LEADER_A));
        events.send(SCHOOL_TOPIC, event(enrol(p2), roll, 1, RECORDED, LEADER_A));
        named.put("recorded", event(talk(e1, p1), e1, 0, RECORDED, LEADER_A));
        named.put("corrected", event(new AttendanceCorrected(e1, school, List.of(p1, p2), "p2 was there"), e1, 1,
                RECORDED.plusSeconds(60), LEADER_B));
        named.put("overridden", event(new MeaningfulnessOverridden(e1, school, Benchmark.GB5, true, "seen the plan"),
                e1, 2, RECORDED.plusSeconds(120), LEADER_B));
        // Out of order, and one twice: who recorded what does not depend on arrival.
        events.send(ENCOUNTER_TOPIC, named.get("overridden"));
        events.send(ENCOUNTER_TOPIC, named.get("recorded"));
        events.send(ENCOUNTER_TOPIC, named.get("corrected"));
        events.send(ENCOUNTER_TOPIC, named.get("recorded"));
        events.send(ENCOUNTER_TOPIC, event(new EncounterWithdrawn(e2, school, "did not happen"), e2, 1, RECORDED,
                LEADER_B));
        events.send(ENCOUNTER_TOPIC, event(talk(e2, p2), e2, 0, RECORDED, LEADER_A));
        return named;
    }

    /** Until every event of the year is in: both encounters in full, and the school with both pupils. */
    private void awaitProjected() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpClientErrorException.NotFound.class)
                .untilAsserted(() -> {
                    assertThat(list(get("/api/v1/encounters/{id}/checklist", e1).get("events"))).hasSize(3);
                    assertThat(get("/api/v1/encounters/{id}/checklist", e2)).containsEntry("withdrawn", true);
                    assertThat(list(get("/api/v1/schools/{id}/coverage/evidence?measure=GB5&asOf=2027-03-31",
                            school).get("pupils"))).hasSize(2);
                });
    }

    private Map<String, Object> status() {
        return http.get().uri(STATUS).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private Map<String, Object> get(String uri, Object... variables) {
        return http.get().uri(uri, variables).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private PupilEnrolled enrol(String pupilId) {
        return new PupilEnrolled(pupilId, school, YEAR, 9, LocalDate.of(2026, 9, 1), Sen.NONE, false, Gender.FEMALE,
                null);
    }

    /** A careers talk whose GB5 checklist is not met, so only an override makes it count. */
    private EncounterRecorded talk(String id, String... attendees) {
        LocalDate date = LocalDate.of(2026, 11, 10);
        String academicYear = AcademicYears.containing(date);
        Map<String, Boolean> noneMet = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            noneMet.put(item.name(), false);
        }
        return new EncounterRecorded(id, school, EMPLOYER, "Health", EmployerSize.LARGE, null, null,
                ActivityType.CAREERS_TALK, List.of(Benchmark.GB5), date, academicYear, new BigDecimal("1"),
                DeliveryMode.IN_PERSON, "Site", null, List.of(attendees), noneMet, Map.of(Benchmark.GB5, false),
                FrameworkVersion.forAcademicYear(academicYear));
    }

    private static EventRecord event(IntegrationEvent event, String aggregateId, long sequence, Instant recordedAt,
                                     String actingUser) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, recordedAt, actingUser);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
