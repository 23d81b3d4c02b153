package uk.encounters.reporting.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.contracts.encounter.OfferWithdrawn;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.ShoutOutFilled;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.infra.Infrastructure;
import uk.encounters.reporting.Bearer;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.reporting.TestEvents;
import uk.encounters.reporting.TestTopics;

/**
 * A hub's unmet demand from both topics as they really arrive: an offer before its shout-out, a redelivered event,
 * a withdrawn offer, a filled shout-out, and a school that moves hub taking its shout-outs along.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final TestTopics TOPICS = TestTopics.fresh();
    private static final String SCHOOL_TOPIC = TOPICS.school();
    private static final String ENCOUNTER_TOPIC = TOPICS.encounter();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOPICS.register(registry, "reporting-it");
    }

    @Value("${local.server.port}")
    int port;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private TestEvents events;

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
    void unmetDemandFollowsOffersStatusesAndHubMovesWhateverTheOrderAndHoweverOftenEventsArrive() {
        String hubA = "hub-a-" + UUID.randomUUID();
        String hubB = "hub-b-" + UUID.randomUUID();
        String school = "school-" + UUID.randomUUID();
        String talk = "talk-" + UUID.randomUUID();
        String tour = "tour-" + UUID.randomUUID();

        // The offer overtakes the shout-out it is for: another topic, no order between them.
        EventRecord offered = encounterEvent(new EmployerOffered("offer-1", "employer-1", talk, school,
                LocalDate.of(2099, 3, 5), "Happy to help", ActivityType.CAREERS_TALK, "Careers talk", 0,
                DeliveryMode.IN_PERSON), "offer-1", 0);
        send(ENCOUNTER_TOPIC, offered);
        send(SCHOOL_TOPIC, schoolEvent(new SchoolRegistered(school, "136789", "Northfield School", SchoolType.SCHOOL,
                hubA, List.of(7, 8, 9, 10, 11)), school, 0));
        send(SCHOOL_TOPIC, schoolEvent(posted(talk, school, hubA), talk, 0));
        send(SCHOOL_TOPIC, schoolEvent(posted(tour, school, hubA), tour, 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(open(hubA)).containsExactlyInAnyOrderEntriesOf(Map.of(talk, 1, tour, 0)));

        send(ENCOUNTER_TOPIC, offered); // redelivered: the same event, the same sequence
        send(SCHOOL_TOPIC, schoolEvent(new ShoutOutFilled(tour, school, List.of("offer-9")), tour, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(open(hubA)).containsExactlyEntriesOf(Map.of(talk, 1)));
        assertThat(statusOf(hubA, "FILLED")).containsOnlyKeys(tour);

        send(ENCOUNTER_TOPIC, encounterEvent(new OfferWithdrawn("offer-1", "employer-1", talk, school, "Unwell"),
                "offer-1", 1));
        send(SCHOOL_TOPIC, schoolEvent(new SchoolMovedHub(school, hubA, hubB), school, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(open(hubB)).containsExactlyEntriesOf(Map.of(talk, 0));
            assertThat(open(hubA)).isEmpty();
        });
    }

    private Map<String, Integer> open(String hubId) {
        return statusOf(hubId, "OPEN");
    }

    private Map<String, Integer> statusOf(String hubId, String status) {
        List<Map<String, Object>> shoutOuts = http.get().uri("/api/v1/hubs/{hub}/shout-outs?status={s}", hubId, status)
                .retrieve().body(new ParameterizedTypeReference<>() { });
        return shoutOuts.stream().collect(java.util.stream.Collectors.toMap(
                s -> (String) s.get("shoutOutId"), s -> (Integer) s.get("offerCount")));
    }

    private static ShoutOutPosted posted(String shoutOutId, String schoolId, String hubId) {
        return new ShoutOutPosted(shoutOutId, schoolId, hubId, "Careers talk for History", "", ActivityType.CAREERS_TALK,
                List.of("Culture"), List.of(9), 30, LocalDate.of(2099, 3, 1), LocalDate.of(2099, 3, 31),
                DeliveryMode.IN_PERSON, null);
    }

    private static EventRecord schoolEvent(IntegrationEvent event, String aggregateId, long sequence) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, Instant.now(), "leader-1");
    }

    private static EventRecord encounterEvent(IntegrationEvent event, String aggregateId, long sequence) {
        return new EventRecord(event, UUID.randomUUID().toString(), aggregateId, sequence, Instant.now(), "employer-1");
    }

    private void send(String topic, EventRecord event) {
        events.send(topic, event);
    }
}
