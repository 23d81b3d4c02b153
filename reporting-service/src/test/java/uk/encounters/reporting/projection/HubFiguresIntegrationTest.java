package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.reporting.Bearer;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;

/**
 * The hub coordinator's trend and employer engagement through Kafka, the coverage store and the endpoints, on 15 March
 * 2027 (the service's clock is set there, and keeps ticking). Hub H has three schools:
 * <ul>
 * <li>A (11-16): a1 and a2 in Year 9 and a3 in Year 11 in 2026/27, all three on its roll in 2025/26 too. E1, a
 * careers talk by a small finance firm on 10 October for a1, a2 and a3, whose register is later corrected to a1 and
 * a2; E2, a workplace visit by a large health trust on 5 November for a3; E3, a talk by a micro finance firm for a2,
 * withdrawn; and last year's P1, a finance talk for a1 and a3.</li>
 * <li>B (11-18): b1 in Year 13; E4, a visit by a medium health employer on 10 February.</li>
 * <li>M, which moved from hub H2 into H: m1 in Year 7; E5, a talk by a self-employed builder on 1 December.</li>
 * </ul>
 * Hub H2 keeps O, with a retail talk that H never counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubFiguresIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();

    private static final Instant TODAY_NOON = Instant.parse("2027-03-15T12:00:00Z");
    private static final Instant RECORDED = Instant.parse("2027-03-01T10:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2027-03-05T10:00:00Z");
    private static final String YEAR = "2026/27";
    private static final String LAST_YEAR = "2025/26";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-hub");
    }

    /** The service's clock, moved to 15 March 2027 so that "today" and the current year do not depend on the run. */
    @TestConfiguration
    static class MidMarch {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TODAY_NOON));
        }
    }

    @Value("${local.server.port}")
    int port;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private TestEvents events;

    private final String hub = "h-" + UUID.randomUUID();
    private final String otherHub = "h2-" + UUID.randomUUID();
    private final String schoolA = "a-" + UUID.randomUUID();
    private final String schoolB = "b-" + UUID.randomUUID();
    private final String schoolM = "m-" + UUID.randomUUID();
    private final String schoolO = "o-" + UUID.randomUUID();
    private final String a1 = "a1-" + UUID.randomUUID();
    private final String a2 = "a2-" + UUID.randomUUID();
    private final String a3 = "a3-" + UUID.randomUUID();
    private final String b1 = "b1-" + UUID.randomUUID();
    private final String m1 = "m1-" + UUID.randomUUID();
    private final String o1 = "o1-" + UUID.randomUUID();
    private final List<EventRecord> schoolAsEncounterEvents = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(bearer).build();
        events = new TestEvents(INFRA.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theTrendAndTheEngagementOfAHubFollowItsSchoolsRecordsWhateverTheOrderAndRedeliveries() {
        sendTheHubsHistory();

        // Every record read below must be projected first: two topics, and one partition per school key.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpClientErrorException.NotFound.class)
                .untilAsserted(() -> {
                    assertThat(engagement(hub, YEAR)).containsEntry("encounters", 4).containsEntry("attendances", 5);
                    assertThat(engagement(hub, LAST_YEAR)).containsEntry("encounters", 1);
                    assertThat(engagement(otherHub, YEAR)).containsEntry("encounters", 1);
                    Map<String, Object> today = hubCoverage(hub, "asOf=2027-03-15");
                    assertThat(list(today.get("schools"))).extracting(s -> s.get("schoolId"))
                            .containsExactly(schoolA, schoolB, schoolM);
                    assertThat(list(today.get("schools"))).extracting(s -> map(s.get("gb5")).get("onRoll"))
                            .containsExactly(3, 1, 1);
                    assertThat(list(hubCoverage(hub, "asOf=2026-03-31").get("schools")).getFirst())
                            .extracting(s -> map(s.get("gb5")).get("onRoll")).isEqualTo(3);
                    assertThat(list(hubCoverage(otherHub, "asOf=2027-03-15").get("schools")))
                            .extracting(s -> s.get("schoolId")).containsExactly(schoolO);
                });

        // The trend of the current year: month ends from September, then today.
        Map<String, Object> trend = get("/api/v1/hubs/{id}/coverage/trend", hub);
        assertThat(trend).containsEntry("hubId", hub).containsEntry("academicYear", YEAR);
        List<Map<String, Object>> points = list(trend.get("points"));
        assertThat(points).extracting(p -> p.get("asOf")).containsExactly("2026-09-30", "2026-10-31", "2026-11-30",
                "2026-12-31", "2027-01-31", "2027-02-28", "2027-03-15");
        everyPointIsTheHubReportOnItsDate(hub, points, "");
        // Worked by hand: GB5 a1, a2 (E1 as corrected) and m1 (E5) of five; by 16 a3 (E2); by 18 b1 (E4).
        assertThat(total(points.getFirst(), "gb5")).containsExactly(5, 0, 0.0);
        assertThat(total(points.get(1), "gb6By16")).containsExactly(1, 0, 0.0);
        assertThat(total(points.get(2), "gb6By16")).containsExactly(1, 1, 100.0);
        assertThat(total(points.get(4), "gb6By18")).containsExactly(1, 0, 0.0);
        assertThat(total(points.getLast(), "gb5")).containsExactly(5, 3, 60.0);
        assertThat(total(points.getLast(), "gb6By18")).containsExactly(1, 1, 100.0);
        assertThat(points.getLast()).containsEntry("schools", 3);

        // A finished year: every month end to 31 August.
        List<Map<String, Object>> lastYear = list(get("/api/v1/hubs/{id}/coverage/trend?academicYear=2025-26", hub)
                .get("points"));
        assertThat(lastYear).extracting(p -> p.get("asOf")).containsExactly("2025-09-30", "2025-10-31",
                "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
                "2026-06-30", "2026-07-31", "2026-08-31");
        everyPointIsTheHubReportOnItsDate(hub, lastYear, "");
        assertThat(total(lastYear.get(4), "gb5")).containsExactly(3, 0, 0.0);
        assertThat(total(lastYear.getLast(), "gb5")).containsExactly(3, 2, 66.7);

        // As known before the register was corrected, a3 still counted through E1.
        String before = "knownAt=2027-03-03T00:00:00Z";
        List<Map<String, Object>> issued = list(get("/api/v1/hubs/{id}/coverage/trend?" + before, hub)
                .get("points"));
        everyPointIsTheHubReportOnItsDate(hub, issued, before);
        assertThat(total(issued.getLast(), "gb5")).containsExactly(5, 4, 80.0);

        // Engagement: E3 withdrawn, E1's corrected register, O in the other hub, P1 in the year before.
        Map<String, Object> engagement = engagement(hub, YEAR);
        assertThat(engagement).containsEntry("hubId", hub).containsEntry("academicYear", YEAR)
                .containsEntry("encounters", 4).containsEntry("attendances", 5);
        assertThat(list(engagement.get("bySector"))).containsExactly(
                sector("Health", 2, 2), sector("Construction", 1, 1), sector("Finance", 1, 2));
        assertThat(list(engagement.get("bySize"))).containsExactly(size("SELF_EMPLOYED", 1, 1),
                size("MICRO", 0, 0), size("SMALL", 1, 2), size("MEDIUM", 1, 1), size("LARGE", 1, 1));
        assertThat(list(engagement(hub, LAST_YEAR).get("bySector"))).containsExactly(sector("Finance", 1, 2));
        assertThat(list(engagement(otherHub, YEAR).get("bySector"))).containsExactly(sector("Retail", 1, 1));
        assertThat(list(get("/api/v1/hubs/{id}/encounters/by-employer?" + before, hub).get("bySector")))
                .containsExactly(sector("Health", 2, 2), sector("Construction", 1, 1), sector("Finance", 1, 3));

        // A's encounter events again, then one more encounter of A behind them on the same partition: once it is
        // counted, the redeliveries before it have been applied, and counted nothing.
        events.sendAll(ENCOUNTER_TOPIC, schoolAsEncounterEvents);
        send(ENCOUNTER_TOPIC, event(talk("e6-" + schoolA, schoolA, "Education", EmployerSize.MICRO,
                LocalDate.of(2027, 3, 10), a1), "e6-" + schoolA, 0, RECORDED));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(engagement(hub, YEAR)).containsEntry("encounters", 5));
        Map<String, Object> after = engagement(hub, YEAR);
        assertThat(after).containsEntry("attendances", 6);
        assertThat(list(after.get("bySector"))).containsExactly(sector("Health", 2, 2),
                sector("Construction", 1, 1), sector("Education", 1, 1), sector("Finance", 1, 2));
        assertThat(list(after.get("bySize")).get(1)).isEqualTo(size("MICRO", 1, 1));
        assertThat(total(list(get("/api/v1/hubs/{id}/coverage/trend", hub).get("points")).getLast(), "gb5"))
                .containsExactly(5, 3, 60.0);
    }

    @Test
    void unknownHubsAreNotFoundAndBadParametersAreProblemsNamingThem() {
        assertThat(status("/api/v1/hubs/nope/coverage/trend")).isEqualTo(404);
        assertThat(status("/api/v1/hubs/nope/encounters/by-employer")).isEqualTo(404);
        for (String path : List.of("/api/v1/hubs/nope/coverage/trend", "/api/v1/hubs/nope/encounters/by-employer")) {
            assertThat(problemField(path + "?academicYear=2026")).isEqualTo("academicYear");
            assertThat(problemField(path + "?knownAt=yesterday")).isEqualTo("knownAt");
            // 2027/28 has not begun on 15 March 2027.
            assertThat(status(path + "?academicYear=2027/28")).isEqualTo(422);
            assertThat(problemField(path + "?academicYear=2027/28")).isEqualTo("academicYear");
        }
    }

    @Test
    void bothEndpointsAreInTheOpenApiDocument() {
        String document = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
                .body(String.class);

        assertThat(document).contains("/api/v1/hubs/{hubId}/coverage/trend",
                "/api/v1/hubs/{hubId}/encounters/by-employer", "schoolsFullyAchievingGb5Percent", "bySize");
    }

    /**
     * Each point's figures are the hub report's on the point's date (same {@code knownAt}), summed over its schools:
     * pupils on roll and met per measure, the percentage of the sums, and the shares of schools fully achieving.
     */
    private void everyPointIsTheHubReportOnItsDate(String hubId, List<Map<String, Object>> points, String knownAt) {
        for (Map<String, Object> point : points) {
            Map<String, Object> report = hubCoverage(hubId, "asOf=" + point.get("asOf") + "&" + knownAt);
            List<Map<String, Object>> schools = list(report.get("schools"));
            assertThat(point.get("schools")).as("schools on %s", point.get("asOf")).isEqualTo(schools.size());
            for (String measure : List.of("gb5", "gb6By16", "gb6By18")) {
                int onRoll = 0;
                int met = 0;
                for (Map<String, Object> school : schools) {
                    Map<String, Object> figure = map(school.get(measure));
                    if (figure != null) {
                        onRoll += (int) figure.get("onRoll");
                        met += (int) figure.get("met");
                    }
                }
                Double percent = onRoll == 0 ? null : BigDecimal.valueOf(100L * met)
                        .divide(BigDecimal.valueOf(onRoll), 1, RoundingMode.HALF_UP).doubleValue();
                assertThat(total(point, measure)).as("%s on %s", measure, point.get("asOf"))
                        .containsExactly(onRoll, met, percent);
            }
            assertThat(point.get("schoolsFullyAchievingGb5Percent"))
                    .isEqualTo(report.get("schoolsFullyAchievingGb5Percent"));
            assertThat(point.get("schoolsFullyAchievingGb6Percent"))
                    .isEqualTo(report.get("schoolsFullyAchievingGb6Percent"));
        }
    }

    /** Encounters first, a correction and a withdrawal before what they correct, the move before the registration. */
    private void sendTheHubsHistory() {
        String e1 = "e1-" + schoolA;
        String e3 = "e3-" + schoolA;
        EventRecord correction = event(new AttendanceCorrected(e1, schoolA, List.of(a1, a2), "a3 was absent"), e1, 1,
                CORRECTED);
        EventRecord withdrawal = event(new EncounterWithdrawn(e3, schoolA, "recorded twice"), e3, 1, RECORDED);
        EventRecord recordedE1 = event(talk(e1, schoolA, "Finance", EmployerSize.SMALL, LocalDate.of(2026, 10, 10),
                a1, a2, a3), e1, 0, RECORDED);
        EventRecord recordedE2 = event(visit("e2-" + schoolA, schoolA, "Health", EmployerSize.LARGE,
                LocalDate.of(2026, 11, 5), a3), "e2-" + schoolA, 0, RECORDED);
        EventRecord recordedE3 = event(talk(e3, schoolA, "Finance", EmployerSize.MICRO, LocalDate.of(2027, 1, 20),
                a2), e3, 0, RECORDED);
        EventRecord lastYears = event(talk("p1-" + schoolA, schoolA, "Finance", EmployerSize.SMALL,
                LocalDate.of(2026, 3, 1), a1, a3), "p1-" + schoolA, 0, RECORDED);
        schoolAsEncounterEvents.addAll(List.of(correction, withdrawal, recordedE1, recordedE2, recordedE3,
                lastYears));
        schoolAsEncounterEvents.forEach(e -> send(ENCOUNTER_TOPIC, e));
        send(ENCOUNTER_TOPIC, recordedE1);
        send(ENCOUNTER_TOPIC, event(visit("e4-" + schoolB, schoolB, "Health", EmployerSize.MEDIUM,
                LocalDate.of(2027, 2, 10), b1), "e4-" + schoolB, 0, RECORDED));
        send(ENCOUNTER_TOPIC, event(talk("e5-" + schoolM, schoolM, "Construction", EmployerSize.SELF_EMPLOYED,
                LocalDate.of(2026, 12, 1), m1), "e5-" + schoolM, 0, RECORDED));
        send(ENCOUNTER_TOPIC, event(talk("e7-" + schoolO, schoolO, "Retail", EmployerSize.LARGE,
                LocalDate.of(2026, 10, 1), o1), "e7-" + schoolO, 0, RECORDED));

        send(SCHOOL_TOPIC, event(new SchoolMovedHub(schoolM, otherHub, hub), "school-" + schoolM, 1, RECORDED));
        register(schoolM, otherHub, List.of(7, 8, 9, 10, 11));
        register(schoolA, hub, List.of(7, 8, 9, 10, 11));
        register(schoolB, hub, List.of(7, 8, 9, 10, 11, 12, 13));
        register(schoolO, otherHub, List.of(7, 8, 9, 10, 11));
        String rollA = "roll-" + schoolA;
        send(SCHOOL_TOPIC, event(enrol(a1, schoolA, LAST_YEAR, 8), rollA, 0, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(a2, schoolA, LAST_YEAR, 8), rollA, 1, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(a3, schoolA, LAST_YEAR, 10), rollA, 2, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(a1, schoolA, YEAR, 9), rollA, 3, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(a2, schoolA, YEAR, 9), rollA, 4, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(a3, schoolA, YEAR, 11), rollA, 5, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(b1, schoolB, YEAR, 13), "roll-" + schoolB, 0, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(m1, schoolM, YEAR, 7), "roll-" + schoolM, 0, RECORDED));
        send(SCHOOL_TOPIC, event(enrol(o1, schoolO, YEAR, 9), "roll-" + schoolO, 0, RECORDED));
    }

    private void register(String schoolId, String hubId, List<Integer> yearGroups) {
        send(SCHOOL_TOPIC, event(new SchoolRegistered(schoolId, "100001", "School " + schoolId, SchoolType.SCHOOL,
                hubId, yearGroups), "school-" + schoolId, 0, RECORDED));
    }

    private Map<String, Object> hubCoverage(String hubId, String query) {
        return get("/api/v1/hubs/{id}/coverage?" + query, hubId);
    }

    private Map<String, Object> engagement(String hubId, String academicYear) {
        return get("/api/v1/hubs/{id}/encounters/by-employer?academicYear={year}", hubId, academicYear);
    }

    private Map<String, Object> get(String uri, Object... variables) {
        return http.get().uri(uri, variables).retrieve().body(new ParameterizedTypeReference<>() { });
    }

    private int status(String uri) {
        return http.get().uri(uri).exchange((request, response) -> response.getStatusCode().value());
    }

    private String problemField(String uri) {
        Map<String, Object> problem = http.get().uri(uri)
                .exchange((request, response) -> response.bodyTo(new ParameterizedTypeReference<>() { }));
        return (String) list(problem.get("errors")).getFirst().get("field");
    }

    private static List<Object> total(Map<String, Object> point, String measure) {
        Map<String, Object> total = map(point.get(measure));
        Object percent = total.get("percent");
        return Arrays.asList(total.get("onRoll"), total.get("met"),
                percent == null ? null : ((Number) percent).doubleValue());
    }

    private static Map<String, Object> sector(String sector, int encounters, int attendances) {
        return Map.of("sector", sector, "encounters", encounters, "attendances", attendances);
    }

    private static Map<String, Object> size(String size, int encounters, int attendances) {
        return Map.of("size", size, "encounters", encounters, "attendances", attendances);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static PupilEnrolled enrol(String pupilId, String schoolId, String academicYear, int yearGroup) {
        return new PupilEnrolled(pupilId, schoolId, academicYear, yearGroup,
                AcademicYears.firstDay(academicYear), Sen.NONE, false, Gender.FEMALE, null);
    }

    private static EncounterRecorded talk(String id, String schoolId, String sector, EmployerSize size,
                                          LocalDate date, String... attendees) {
        return encounter(id, schoolId, sector, size, ActivityType.CAREERS_TALK, Benchmark.GB5, date, attendees);
    }

    private static EncounterRecorded visit(String id, String schoolId, String sector, EmployerSize size,
                                           LocalDate date, String... attendees) {
        return encounter(id, schoolId, sector, size, ActivityType.WORKPLACE_VISIT, Benchmark.GB6, date, attendees);
    }

    private static EncounterRecorded encounter(String id, String schoolId, String sector, EmployerSize size,
                                               ActivityType activity, Benchmark benchmark, LocalDate date,
                                               String... attendees) {
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.put(item.name(), true);
        }
        String academicYear = AcademicYears.containing(date);
        return new EncounterRecorded(id, schoolId, "employer-" + sector, sector, size, null, null, activity,
                List.of(benchmark), date, academicYear, BigDecimal.ONE, DeliveryMode.IN_PERSON, "Site", null,
                List.of(attendees), checklist, Map.of(benchmark, true), FrameworkVersion.forAcademicYear(academicYear));
    }

    private static EventRecord event(IntegrationEvent event, String aggregateId, long sequence, Instant recordedAt) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, recordedAt, "user-1");
    }

    private void send(String topic, EventRecord event) {
        events.send(topic, event);
    }
}
