package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.reporting.Bearer;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;

/**
 * A small school's year through Kafka into the coverage store and out of the endpoints, with figures worked out by
 * hand. On 31 March 2027 (academic year 2026/27) the roll is p1 and p2 in Year 9 and p3 in Year 11; p4 (Year 11)
 * left on 31 January.
 * <ul>
 * <li>E1, a careers talk (GB5, checklist met) for p1 and p2, whose register is later corrected to p1 alone;</li>
 * <li>E2, a workplace visit (GB6, checklist met) for p3;</li>
 * <li>E3, a careers talk for p3 whose checklist fails, overridden to meaningful for GB5;</li>
 * <li>E4, a careers talk for p2, withdrawn.</li>
 * </ul>
 * So GB5: p1 (E1) and p3 (E3) met, p2 not: 2 of 3, 66.7%, not fully achieved. GB6 by 16: p3 of Year 11, 1 of 1.
 * No Year 13, so by 18 is not applicable and the hub's one school fully achieves GB6 (100.0) but not GB5 (0.0).
 * Before the correction was recorded, p2 still counted through E1: 3 of 3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();

    private static final Instant RECORDED = Instant.parse("2027-01-10T10:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2027-02-01T10:00:00Z");
    private static final String YEAR = "2026/27";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-cov");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoDatabase database;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private TestEvents events;

    private final String hub = "hub-" + UUID.randomUUID();
    private final String school = "school-" + UUID.randomUUID();
    private final String p1 = "p1-" + UUID.randomUUID();
    private final String p2 = "p2-" + UUID.randomUUID();
    private final String p3 = "p3-" + UUID.randomUUID();
    private final String p4 = "p4-" + UUID.randomUUID();
    private final String e1 = "e1-" + UUID.randomUUID();
    private final String e2 = "e2-" + UUID.randomUUID();
    private final String e3 = "e3-" + UUID.randomUUID();
    private final String e4 = "e4-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(bearer).build();
        bearer.pupilsAndEncountersOf(school);
        events = new TestEvents(INFRA.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void figuresFollowCorrectionsOverridesWithdrawalsAndLeaversWhateverTheOrderAndRedeliveries() {
        String roll = "roll-" + school;
        EventRecord recordedE1 = event(talk(e1, LocalDate.of(2026, 10, 10), allMet(), p1, p2), e1, 0, RECORDED);
        EventRecord enrolP1 = event(enrol(p1, 9, Gender.FEMALE, true), roll, 0, RECORDED);
        EventRecord overrideE3 = event(new MeaningfulnessOverridden(e3, school, Benchmark.GB5, true,
                "careers leader saw the plan"), e3, 1, RECORDED);

        // Encounters first, corrections before what they correct, a leaver before their enrolment, repeats.
        send(ENCOUNTER_TOPIC, event(new AttendanceCorrected(e1, school, List.of(p1), "p2 was absent"), e1, 1,
                CORRECTED));
        send(ENCOUNTER_TOPIC, recordedE1);
        send(ENCOUNTER_TOPIC, overrideE3);
        send(ENCOUNTER_TOPIC, event(talk(e3, LocalDate.of(2026, 12, 1), noneMet(), p3), e3, 0, RECORDED));
        send(ENCOUNTER_TOPIC, event(visit(e2, LocalDate.of(2026, 11, 5), p3), e2, 0, RECORDED));
        send(ENCOUNTER_TOPIC, event(new EncounterWithdrawn(e4, school, "never happened"), e4, 1, RECORDED));
        send(ENCOUNTER_TOPIC, event(talk(e4, LocalDate.of(2027, 2, 1), allMet(), p2), e4, 0, RECORDED));
        send(SCHOOL_TOPIC, event(new PupilLeft(p4, school, YEAR, LocalDate.of(2027, 1, 31)), roll, 4, RECORDED));
        send(SCHOOL_TOPIC, enrolP1);
        send(SCHOOL_TOPIC, event(enrol(p2, 9, Gender.MALE, false), roll, 1, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(p3, 11, Gender.FEMALE, false), roll, 2, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(p4, 11, Gender.MALE, false), roll, 3, RECORDED));
        send(SCHOOL_TOPIC, event(new SchoolRegistered(school, "100001", "Northfield School", SchoolType.SCHOOL, hub,
                List.of(7, 8, 9, 10, 11)), "school-" + school, 0, RECORDED));
        send(ENCOUNTER_TOPIC, recordedE1);
        send(SCHOOL_TOPIC, enrolP1);
        send(ENCOUNTER_TOPIC, overrideE3);

        // Until the school is registered here its coverage is a 404.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpClientErrorException.NotFound.class)
                .untilAsserted(() -> {
                Map<String, Object> coverage = get(
                        "/api/v1/schools/{id}/coverage?academicYear=2026/27&asOf=2027-03-31", school);
                assertThat(figure(coverage, "gb5")).containsExactly(3, 2, 66.7, false);
                assertThat(figure(coverage, "gb6By16")).containsExactly(1, 1, 100.0, true);
                assertThat(figure(coverage, "gb6By18")).containsExactly(0, 0, null, null);
                assertThat(atRisk("GB5")).containsExactly(Map.of("pupilId", p2, "yearGroup", 9));
                // the withdrawal and the override are in too
                assertThat(get("/api/v1/encounters/{id}/checklist", e4)).containsEntry("withdrawn", true);
                assertThat(result(get("/api/v1/encounters/{id}/checklist", e3), "GB5"))
                        .containsEntry("checklistMet", false).containsEntry("override", true)
                        .containsEntry("meaningful", true);
                });

        Map<String, Object> coverage = get("/api/v1/schools/{id}/coverage?academicYear=2026-27&asOf=2027-03-31",
                school);
        List<Map<String, Object>> yearGroups = list(coverage.get("yearGroups"));
        assertThat(yearGroups).extracting(y -> y.get("yearGroup")).containsExactly(7, 8, 9, 10, 11, 12, 13);
        assertThat(figure(yearGroups.get(2), "gb5")).containsExactly(2, 1, 50.0, false);
        assertThat(figure(yearGroups.get(4), "gb5")).containsExactly(1, 1, 100.0, true);
        assertThat(yearGroups.get(2)).containsKey("workExperienceHours");
        Map<String, Object> byGender = map(map(coverage.get("breakdowns")).get("byGender"));
        assertThat(figure(map(byGender.get("MALE")), "gb5")).containsExactly(1, 0, 0.0, false);
        assertThat(figure(map(byGender.get("FEMALE")), "gb5")).containsExactly(2, 2, 100.0, true);
        assertThat(figure(map(map(map(coverage.get("breakdowns")).get("byPupilPremium")).get("true")), "gb5"))
                .containsExactly(1, 1, 100.0, true);
        assertThat(atRisk("GB6_BY_16")).isEmpty();
        assertThat(atRisk("gb6_by_18")).isEmpty();

        // The leaver was on roll before leaving, unmet: Year 11 had two pupils on 15 January.
        Map<String, Object> january = get("/api/v1/schools/{id}/coverage?asOf=2027-01-15", school);
        assertThat(january).containsEntry("academicYear", YEAR);
        assertThat(figure(january, "gb6By16")).containsExactly(2, 1, 50.0, false);

        // The figure as issued before the correction was recorded: p2 still counted through E1.
        Map<String, Object> issued = get("/api/v1/schools/{id}/coverage?asOf=2027-03-31&knownAt=2027-01-15T00:00:00Z",
                school);
        assertThat(figure(issued, "gb5")).containsExactly(3, 3, 100.0, true);

        Map<String, Object> hubCoverage = get("/api/v1/hubs/{id}/coverage?academicYear=2026/27&asOf=2027-03-31", hub);
        assertThat(hubCoverage).containsEntry("hubId", hub).containsEntry("academicYear", YEAR)
                .containsEntry("asOf", "2027-03-31")
                .containsEntry("schoolsFullyAchievingGb5Percent", 0.0)
                .containsEntry("schoolsFullyAchievingGb6Percent", 100.0);
        List<Map<String, Object>> schools = list(hubCoverage.get("schools"));
        assertThat(schools).extracting(s -> s.get("schoolId")).containsExactly(school);
        assertThat(figure(schools.getFirst(), "gb5")).containsExactly(3, 2, 66.7, false);
        assertThat(get("/api/v1/hubs/{id}/coverage?asOf=2027-03-31&knownAt=2027-01-15T00:00:00Z", hub))
                .containsEntry("schoolsFullyAchievingGb5Percent", 100.0);

        Map<String, Object> pupil = get("/api/v1/pupils/{id}/coverage?asOf=2027-03-31", p3);
        assertThat(pupil).doesNotContainKeys("forename", "surname", "name");
        Map<String, Object> year = list(pupil.get("years")).getFirst();
        assertThat(year).containsEntry("academicYear", YEAR).containsEntry("yearGroup", 11)
                .containsEntry("gb5Met", true);
        assertThat(list(year.get("gb5Encounters"))).extracting(e -> e.get("encounterId")).containsExactly(e3);
        assertThat(map(pupil.get("gb6By16"))).containsEntry("met", true).containsEntry("experiences", 1);
        assertThat(list(map(pupil.get("gb6By16")).get("encounters"))).extracting(e -> e.get("encounterId"))
                .containsExactly(e2);
        assertThat(list(get("/api/v1/pupils/{id}/coverage?asOf=2027-03-31", p2).get("years")).getFirst())
                .containsEntry("gb5Met", false);

        Map<String, Object> evidence = get("/api/v1/schools/{id}/coverage/evidence?measure=GB5&asOf=2027-03-31",
                school);
        List<Map<String, Object>> pupils = list(evidence.get("pupils"));
        assertThat(pupils).extracting(p -> p.get("pupilId")).containsExactlyInAnyOrder(p1, p3);
        Map<String, Object> p3Evidence = pupils.stream().filter(p -> p3.equals(p.get("pupilId"))).findFirst()
                .orElseThrow();
        assertThat((List<Object>) list(p3Evidence.get("encounters")).getFirst().get("eventIds"))
                .contains(overrideE3.eventId());

        // Stored once per event however often it came.
        CoverageCollections stored = CoverageCollections.of(database, 1);
        Document e1Doc = stored.encounters().find(new Document("_id", e1)).first();
        assertThat(e1Doc.get("history", Document.class)).hasSize(2);
        Document schoolDoc = stored.schools().find(new Document("_id", school)).first();
        assertThat(schoolDoc.getList("pupils", String.class)).containsExactlyInAnyOrder(p1, p2, p3, p4);
    }

    /**
     * A school that moved hub is reported in its new hub only, and in its old one as known before the move. (Pupil
     * ids are per school roll, so pupils never move with or between schools.)
     */
    @Test
    void schoolsAreReportedInTheHubTheyAreInAsKnownAtTheTime() {
        String hubOne = "hub1-" + UUID.randomUUID();
        String hubTwo = "hub2-" + UUID.randomUUID();
        String schoolA = "a-" + UUID.randomUUID();
        String schoolB = "b-" + UUID.randomUUID();
        String pupil = "q-" + UUID.randomUUID();
        String visit = "v-" + UUID.randomUUID();

        send(ENCOUNTER_TOPIC, event(new EncounterRecorded(visit, schoolB, "employer-1", "Health", EmployerSize.LARGE,
                null, null, ActivityType.WORKPLACE_VISIT, List.of(Benchmark.GB6), LocalDate.of(2026, 3, 1), "2025/26",
                new BigDecimal("3"), DeliveryMode.IN_PERSON, "Site", null, List.of(pupil), allMet(),
                Map.of(Benchmark.GB6, true), FrameworkVersion.forAcademicYear("2025/26")), visit, 0, RECORDED));
        send(SCHOOL_TOPIC, event(new SchoolMovedHub(schoolA, hubOne, hubTwo), "school-" + schoolA, 1, CORRECTED));
        send(SCHOOL_TOPIC, event(new PupilEnrolled(pupil, schoolB, YEAR, 11, LocalDate.of(2026, 9, 1), Sen.NONE,
                false, Gender.FEMALE, null), "roll-" + schoolB, 1, RECORDED));
        send(SCHOOL_TOPIC, event(new PupilEnrolled(pupil, schoolB, "2025/26", 10, LocalDate.of(2025, 9, 1), Sen.NONE,
                false, Gender.FEMALE, null), "roll-" + schoolB, 0, RECORDED));
        send(SCHOOL_TOPIC, event(new SchoolRegistered(schoolA, "100002", "Southfield School", SchoolType.SCHOOL,
                hubOne, List.of(7, 8, 9, 10, 11)), "school-" + schoolA, 0, RECORDED));
        send(SCHOOL_TOPIC, event(new SchoolRegistered(schoolB, "100003", "Westfield School", SchoolType.SCHOOL,
                hubOne, List.of(7, 8, 9, 10, 11)), "school-" + schoolB, 0, RECORDED));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpClientErrorException.NotFound.class)
                .untilAsserted(() -> {
                    assertThat(list(get("/api/v1/hubs/{id}/coverage?asOf=2027-03-31", hubOne).get("schools")))
                            .extracting(s -> s.get("schoolId")).containsExactly(schoolB);
                    assertThat(list(get("/api/v1/hubs/{id}/coverage?asOf=2027-03-31", hubTwo).get("schools")))
                            .extracting(s -> s.get("schoolId")).containsExactly(schoolA);
                    // Last year's visit in Year 10 counts towards GB6 by 16 in Year 11.
                    Map<String, Object> b = get("/api/v1/schools/{id}/coverage?asOf=2027-03-31", schoolB);
                    assertThat(figure(b, "gb6By16")).containsExactly(1, 1, 100.0, true);
                });

        assertThat(list(get("/api/v1/hubs/{id}/coverage?asOf=2027-03-31&knownAt=2027-01-15T00:00:00Z", hubOne)
                .get("schools"))).extracting(s -> s.get("schoolId")).containsExactlyInAnyOrder(schoolA, schoolB);
        bearer.pupilsAndEncountersOf(schoolB);
        Map<String, Object> coverage = get("/api/v1/pupils/{id}/coverage?asOf=2027-03-31", pupil);
        assertThat(list(coverage.get("years"))).extracting(y -> y.get("academicYear"))
                .containsExactly("2025/26", YEAR);
        assertThat(list(map(coverage.get("gb6By16")).get("encounters"))).extracting(e -> e.get("encounterId"))
                .containsExactly(visit);
    }

    @Test
    void unknownIdsAreNotFoundAndBadParametersAreProblems() {
        assertThat(status("/api/v1/schools/nope/coverage")).isEqualTo(404);
        assertThat(status("/api/v1/hubs/nope/coverage")).isEqualTo(404);
        assertThat(status("/api/v1/pupils/nope/coverage")).isEqualTo(404);
        assertThat(status("/api/v1/encounters/nope/checklist")).isEqualTo(404);
        assertThat(status("/api/v1/schools/nope/at-risk?measure=GB5")).isEqualTo(404);
        assertThat(status("/api/v1/schools/nope/coverage/evidence?measure=GB5")).isEqualTo(404);

        assertThat(status("/api/v1/schools/nope/coverage?academicYear=2026")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/coverage?academicYear=2026/28")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/coverage?asOf=31-03-2027")).isEqualTo(400);
        assertThat(status("/api/v1/hubs/nope/coverage?knownAt=yesterday")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/at-risk")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/at-risk?measure=GB7")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/coverage/evidence?measure=GB5&yearGroup=x")).isEqualTo(400);
        assertThat(status("/api/v1/schools/nope/coverage/evidence?measure=GB5&yearGroup=14")).isEqualTo(422);
        assertThat(status("/api/v1/schools/nope/coverage?academicYear=2027/28&asOf=2027-03-31")).isEqualTo(422);

        Map<String, Object> problem = http.get().uri("/api/v1/schools/nope/at-risk?measure=GB7")
                .exchange((request, response) -> response.bodyTo(new ParameterizedTypeReference<>() { }));
        assertThat(problem.toString()).contains("measure");
    }

    private List<Map<String, Object>> atRisk(String measure) {
        return http.get().uri("/api/v1/schools/{id}/at-risk?academicYear=2026/27&asOf=2027-03-31&measure={m}",
                school, measure).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private Map<String, Object> get(String uri, Object... variables) {
        return http.get().uri(uri, variables).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private int status(String uri) {
        return http.get().uri(uri).exchange((request, response) -> response.getStatusCode().value());
    }

    private static List<Object> figure(Map<String, Object> holder, String name) {
        Map<String, Object> figure = map(holder.get(name));
        Object percent = figure.get("percent");
        return java.util.Arrays.asList(figure.get("onRoll"), figure.get("met"),
                percent == null ? null : ((Number) percent).doubleValue(), figure.get("fullyAchieved"));
    }

    private static Map<String, Object> result(Map<String, Object> checklist, String benchmark) {
        return map(map(checklist.get("results")).get(benchmark));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private PupilEnrolled enrol(String pupilId, int yearGroup, Gender gender, boolean pupilPremium) {
        return new PupilEnrolled(pupilId, school, YEAR, yearGroup, LocalDate.of(2026, 9, 1), Sen.NONE, pupilPremium,
                gender, null);
    }

    private EncounterRecorded talk(String id, LocalDate date, Map<String, Boolean> checklist, String... attendees) {
        return encounter(id, ActivityType.CAREERS_TALK, Benchmark.GB5, date, "1", checklist, attendees);
    }

    private EncounterRecorded visit(String id, LocalDate date, String... attendees) {
        return encounter(id, ActivityType.WORKPLACE_VISIT, Benchmark.GB6, date, "3", allMet(), attendees);
    }

    private EncounterRecorded encounter(String id, ActivityType activity, Benchmark benchmark, LocalDate date,
                                        String hours, Map<String, Boolean> checklist, String... attendees) {
        String academicYear = AcademicYears.containing(date);
        return new EncounterRecorded(id, school, "employer-1", "Health", EmployerSize.LARGE, null, null, activity,
                List.of(benchmark), date, academicYear, new BigDecimal(hours), DeliveryMode.IN_PERSON, "Site", null,
                List.of(attendees), checklist, Map.of(benchmark, true), FrameworkVersion.forAcademicYear(academicYear));
    }

    private static Map<String, Boolean> allMet() {
        Map<String, Boolean> answers = new java.util.LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            answers.put(item.name(), true);
        }
        return answers;
    }

    private static Map<String, Boolean> noneMet() {
        Map<String, Boolean> answers = new java.util.LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            answers.put(item.name(), false);
        }
        return answers;
    }

    private static EventRecord event(IntegrationEvent event, String aggregateId, long sequence, Instant recordedAt) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, recordedAt, "user-1");
    }

    private void send(String topic, EventRecord event) {
        events.send(topic, event);
    }
}
