package uk.encounters.school.shoutout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.contracts.encounter.EmployerRegistered;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.OfferWithdrawn;
import uk.encounters.infra.Infrastructure;
import uk.encounters.platform.messaging.testing.TestProducer;
import uk.encounters.school.Bearer;
import uk.encounters.platform.messaging.EventHeaders;
import uk.encounters.platform.messaging.EventRecord;
import uk.encounters.platform.messaging.EventJson;

/**
 * Shout-outs through the HTTP API, with encounter-service played by a plain producer writing its events in the
 * platform's wire format, and what school-service publishes read back from Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShoutOutIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    /** Our own encounter topic, so no other test context's listener (same group id) can take these records. */
    private static final String ENCOUNTER_TOPIC = "encounter.events.shout-out-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
        INFRA.springProperties("shout-out-it-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("encounters.topics.encounter", () -> ENCOUNTER_TOPIC);
        registry.add("encounters.messaging.consumed-topics", () -> ENCOUNTER_TOPIC);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ShoutOutExpiry expiry;

    @Autowired
    MeterRegistry meters;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(bearer).build();
        producer = TestProducer.create(INFRA.kafkaBootstrapServers());
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor("school.events").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
    }

    @AfterEach
    void tearDown() {
        producer.close();
        consumer.close();
    }

    @Test
    void aShoutOutIsOfferedAcceptedAndFilledAndTheLateOfferIsDeclinedWithAReason() {
        School school = newSchool();
        String shoutOutId = school.postShoutOut(30, LocalDate.now().plusDays(30));

        offer(school.id(), shoutOutId, "o-1", 10);
        offer(school.id(), shoutOutId, "o-2", 0);
        offer(school.id(), shoutOutId, "o-3", 5);
        awaitView(school.id(), view -> assertThat(view.offers()).extracting(ShoutOutViews.OfferView::status)
                .containsExactly(OfferStatus.PENDING, OfferStatus.PENDING, OfferStatus.PENDING));

        assertThat(post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null))
                .satisfies(reply -> assertThat(reply.status()).isEqualTo(200))
                .satisfies(reply -> assertThat(reply.json().get("shoutOutStatus").asString()).isEqualTo("OPEN"));
        assertThat(post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-2/accept", null).json()
                .get("shoutOutStatus").asString()).isEqualTo("FILLED");
        Reply twice = post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asString()).isEqualTo("Offer o-1 has been accepted already.");
        offer(school.id(), shoutOutId, "o-4", 3); // arrives after the shout-out filled

        String filledReason = "Other employers' offers have filled every place on this shout-out, so the school"
                + " cannot take this one up. Thank you for offering.";
        awaitView(school.id(), view -> {
            assertThat(view.status()).isEqualTo(ShoutOutStatus.FILLED);
            assertThat(view.places()).isEqualTo(30);
            assertThat(view.placesCovered()).isEqualTo(30);
            assertThat(view.offers()).extracting(ShoutOutViews.OfferView::offerId, ShoutOutViews.OfferView::status,
                    ShoutOutViews.OfferView::placesCovered).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("o-1", OfferStatus.ACCEPTED, 10),
                    org.assertj.core.groups.Tuple.tuple("o-2", OfferStatus.ACCEPTED, 20),
                    org.assertj.core.groups.Tuple.tuple("o-3", OfferStatus.DECLINED, 0),
                    org.assertj.core.groups.Tuple.tuple("o-4", OfferStatus.DECLINED, 0));
            assertThat(view.offers().get(2).reason()).isEqualTo(filledReason);
            assertThat(view.offers().get(0).employerId()).isEqualTo("employer-o-1");
            assertThat(view.offers().get(0).message()).isEqualTo("Happy to help with o-1");
            assertThat(view.offers().get(0).proposedDate()).isNotNull();
        });
        assertThat(getViews(school.id(), "?status=FILLED")).hasSize(1);
        assertThat(getViews(school.id(), "?status=OPEN")).isEmpty();

        List<Published> published = awaitPublished(shoutOutId, list -> assertThat(list).extracting(Published::type)
                .containsExactly("school.ShoutOutPosted.v1", "school.OfferAccepted.v1", "school.OfferAccepted.v1",
                        "school.ShoutOutFilled.v1", "school.OfferDeclined.v1", "school.OfferDeclined.v1"));
        assertThat(published.get(3).body().get("acceptedOfferIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly("o-1", "o-2");
        assertThat(published.get(5).body().get("offerId").asString()).isEqualTo("o-4");
        assertThat(published.get(5).body().get("reason").asString()).isEqualTo(filledReason);
        assertThat(published.get(5).body().get("employerId").asString()).isEqualTo("employer-o-4");
        assertThat(published.get(1).actingUser()).as("the token's account id")
                .isEqualTo("acc-careers-leader-" + school.id());
        assertThat(published.get(5).actingUser()).isEqualTo("system");
    }

    @Test
    void aRedeliveredOfferChangesNothingAndAWithdrawnAcceptanceReleasesItsPlaces() {
        School school = newSchool();
        String shoutOutId = school.postShoutOut(30, LocalDate.now().plusDays(30));
        ProducerRecord<String, byte[]> first = offer(school.id(), shoutOutId, "o-1", 10);
        awaitView(school.id(), view -> assertThat(view.offers()).hasSize(1));
        post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null);

        producer.send(first); // the very same record again, as after a consumer crash
        offer(school.id(), shoutOutId, "o-1", 25); // and the same offer under a new event id
        offer(school.id(), shoutOutId, "o-2", 5); // same key, so handled after both of those
        awaitView(school.id(), view -> assertThat(view.offers()).extracting(ShoutOutViews.OfferView::offerId)
                .containsExactly("o-1", "o-2"));
        ShoutOutViews.ShoutOutView view = getViews(school.id(), "").getFirst();
        assertThat(view.offers().getFirst().status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(view.offers().getFirst().places()).isEqualTo(10);
        assertThat(view.placesCovered()).isEqualTo(10);

        withdrawOffer(school.id(), shoutOutId, "o-1");
        awaitView(school.id(), after -> {
            assertThat(after.offers().getFirst().status()).isEqualTo(OfferStatus.WITHDRAWN);
            assertThat(after.offers().getFirst().reason()).isEqualTo("Volunteer unwell");
            assertThat(after.placesCovered()).isZero();
            assertThat(after.status()).isEqualTo(ShoutOutStatus.OPEN);
        });
        assertThat(post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null).status()).isEqualTo(409);
    }

    @Test
    void aShoutOutExpiresWhenTheJobRunsAfterItsEndDateAndDeclinesPendingAndLateOffers() {
        School school = newSchool();
        LocalDate end = LocalDate.now().plusDays(3);
        String shoutOutId = school.postShoutOut(30, end);
        offer(school.id(), shoutOutId, "o-1", 10);
        awaitView(school.id(), view -> assertThat(view.offers()).hasSize(1));
        post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null);
        offer(school.id(), shoutOutId, "o-2", 5);
        awaitView(school.id(), view -> assertThat(view.offers()).hasSize(2));

        // Harmless to repeat: the view (and the deadline) follow the event store by milliseconds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            expiry.expireAsOf(end.plusDays(1));
            assertThat(getViews(school.id(), "").getFirst().status()).isEqualTo(ShoutOutStatus.EXPIRED);
        });
        offer(school.id(), shoutOutId, "o-3", 5);

        String reason = "This shout-out closed when its end date, " + end.format(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))
                + ", passed; the school can no longer take up offers on it.";
        awaitView(school.id(), view -> assertThat(view.offers()).extracting(ShoutOutViews.OfferView::status,
                ShoutOutViews.OfferView::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OfferStatus.ACCEPTED, null),
                org.assertj.core.groups.Tuple.tuple(OfferStatus.DECLINED, reason),
                org.assertj.core.groups.Tuple.tuple(OfferStatus.DECLINED, reason)));
        List<Published> published = awaitPublished(shoutOutId, list -> assertThat(list).extracting(Published::type)
                .containsExactly("school.ShoutOutPosted.v1", "school.OfferAccepted.v1", "school.ShoutOutExpired.v1",
                        "school.OfferDeclined.v1", "school.OfferDeclined.v1"));
        assertThat(published.get(2).body().get("placesUnfilled").asInt()).isEqualTo(20);
        assertThat(published.get(2).body().get("endDate").asString()).isEqualTo(end.toString());
        assertThat(published.get(4).body().get("offerId").asString()).isEqualTo("o-3");
        assertThat(published.get(4).body().get("reason").asString()).isEqualTo(reason);
        assertThat(post("/api/v1/shout-outs/" + shoutOutId + "/offers/o-1/accept", null).status()).isEqualTo(409);
    }

    @Test
    void aWithdrawnShoutOutDeclinesItsOffersAndCannotBeEditedOrWithdrawnAgain() {
        School school = newSchool();
        String shoutOutId = school.postShoutOut(30, LocalDate.now().plusDays(30));
        offer(school.id(), shoutOutId, "o-1", 10);
        awaitView(school.id(), view -> assertThat(view.offers()).hasSize(1));

        Reply withdrawn = post("/api/v1/shout-outs/" + shoutOutId + "/withdraw", Map.of("reason", "Exams moved"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        offer(school.id(), shoutOutId, "o-2", 5);

        Reply edit = put("/api/v1/shout-outs/" + shoutOutId, shoutOutBody(20, LocalDate.now().plusDays(30), 11));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asString())
                .isEqualTo("Shout-out " + shoutOutId + " has been withdrawn, so it can no longer be edited.");
        assertThat(post("/api/v1/shout-outs/" + shoutOutId + "/withdraw", null).status()).isEqualTo(409);

        String reason = "The school has withdrawn this shout-out, so it no longer needs offers. The school said:"
                + " Exams moved";
        awaitView(school.id(), view -> {
            assertThat(view.status()).isEqualTo(ShoutOutStatus.WITHDRAWN);
            assertThat(view.withdrawalReason()).isEqualTo("Exams moved");
            assertThat(view.offers()).extracting(ShoutOutViews.OfferView::status, ShoutOutViews.OfferView::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(OfferStatus.DECLINED, reason),
                            org.assertj.core.groups.Tuple.tuple(OfferStatus.DECLINED, reason));
        });
        List<Published> published = awaitPublished(shoutOutId, list -> assertThat(list).extracting(Published::type)
                .containsExactly("school.ShoutOutPosted.v1", "school.ShoutOutWithdrawn.v1",
                        "school.OfferDeclined.v1", "school.OfferDeclined.v1"));
        assertThat(published.get(1).body().get("reason").asString()).isEqualTo("Exams moved");
        assertThat(published.get(3).body().get("offerId").asString()).isEqualTo("o-2");
        assertThat(published.get(3).body().get("reason").asString()).isEqualTo(reason);
    }

    @Test
    void anOpenShoutOutIsEditedAndTheRulesAreCheckedAgain() {
        School school = newSchool();
        LocalDate end = LocalDate.now().plusDays(30);
        String shoutOutId = school.postShoutOut(30, end);

        Reply edited = put("/api/v1/shout-outs/" + shoutOutId,
                shoutOutBody("Careers talk, edited", 12, end.plusDays(7), 10));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("OPEN");
        Reply untaught = put("/api/v1/shout-outs/" + shoutOutId, shoutOutBody(12, end, 12));
        assertThat(untaught.status()).isEqualTo(422);
        assertThat(untaught.json().get("errors").get(0).get("field").asString()).isEqualTo("yearGroups");
        Map<String, Object> endsBeforeStart = new java.util.HashMap<>(shoutOutBody(12, end, 10));
        endsBeforeStart.put("startDate", end.plusDays(1).toString());
        Reply backwards = put("/api/v1/shout-outs/" + shoutOutId, endsBeforeStart);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("detail").asString()).isEqualTo("The end date is before the start date.");
        assertThat(put("/api/v1/shout-outs/no-such-shout-out", shoutOutBody(12, end, 10)).status()).isEqualTo(404);

        awaitView(school.id(), view -> {
            assertThat(view.title()).isEqualTo("Careers talk, edited");
            assertThat(view.places()).isEqualTo(12);
            assertThat(view.yearGroups()).containsExactly(10);
            assertThat(view.endDate()).isEqualTo(end.plusDays(7));
        });
        List<Published> published = awaitPublished(shoutOutId, list -> assertThat(list).extracting(Published::type)
                .containsExactly("school.ShoutOutPosted.v1", "school.ShoutOutChanged.v1"));
        assertThat(published.get(1).body().get("places").asInt()).isEqualTo(12);
        assertThat(published.get(1).body().get("title").asString()).isEqualTo("Careers talk, edited");
    }

    @Test
    void aSchoolMovesHubByAnEventAndItsLaterShoutOutsCarryTheNewHub() {
        School school = newSchool();
        String before = school.postShoutOut(10, LocalDate.now().plusDays(30));
        bearer.asAdmin();
        String newHub = created("/api/v1/hubs", Map.of("name", "Durham"), "hubId");

        Reply moved = put("/api/v1/schools/" + school.id() + "/hub", Map.of("hubId", newHub));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("hubId").asString()).isEqualTo(newHub);
        assertThat(put("/api/v1/schools/" + school.id() + "/hub", Map.of("hubId", "no-such-hub")).status())
                .isEqualTo(422);
        assertThat(put("/api/v1/schools/no-such-school/hub", Map.of("hubId", newHub)).status()).isEqualTo(404);
        String after = school.postShoutOut(10, LocalDate.now().plusDays(30));

        awaitPublished(school.id(), list -> assertThat(list).filteredOn(p -> p.type().equals("school.SchoolMovedHub.v1"))
                .singleElement().satisfies(p -> {
                    assertThat(p.body().get("previousHubId").asString()).isEqualTo(school.hubId());
                    assertThat(p.body().get("hubId").asString()).isEqualTo(newHub);
                }));
        awaitPublished(after, list -> assertThat(list).singleElement()
                .satisfies(p -> assertThat(p.body().get("hubId").asString()).isEqualTo(newHub)));
        awaitPublished(before, list -> assertThat(list).singleElement()
                .satisfies(p -> assertThat(p.body().get("hubId").asString()).isEqualTo(school.hubId())));
        awaitView(school.id(), after, view -> assertThat(view.hubId()).isEqualTo(newHub));
    }

    @Test
    void anOfferForAShoutOutNobodyPostedIsCountedAndDoesNotHoldUpTheOthers() {
        School school = newSchool();
        String shoutOutId = school.postShoutOut(10, LocalDate.now().plusDays(30));
        double unknownBefore = unknownShoutOutOffers();

        offer(school.id(), "no-such-shout-out-" + UUID.randomUUID(), "o-1", 5);
        offer(school.id(), school.id(), "o-9", 5); // the id of a stream that is not a shout-out
        offer(school.id(), shoutOutId, "o-2", 5);
        offer(school.id(), null, "o-3", 5); // an employer's own activity: not for any shout-out

        awaitView(school.id(), view -> assertThat(view.offers()).extracting(ShoutOutViews.OfferView::offerId)
                .containsExactly("o-2"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(unknownShoutOutOffers()).isEqualTo(unknownBefore + 2));
    }

    @Test
    void anOffersEmployerIsNamedOnceItsRegistrationArrivesWhicheverCameFirst() {
        School school = newSchool();
        String shoutOutId = school.postShoutOut(30, LocalDate.now().plusDays(30));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "late-" + run;   // its employer registers after offering
        String early = "early-" + run; // its employer registered before offering
        offer(school.id(), shoutOutId, late, 5);
        awaitView(school.id(), view -> assertThat(view.offers()).singleElement().satisfies(offer -> {
            assertThat(offer.employerId()).isEqualTo("employer-" + late);
            assertThat(offer.employerName()).isNull();
            assertThat(offer.employerSector()).isNull();
            assertThat(offer.employerSize()).isNull();
        }));

        ProducerRecord<String, byte[]> registration = send(new EmployerRegistered("employer-" + late,
                "Tees Bridge Works", "Engineering", EmployerSize.SMALL, "TS1 2AB"), "employer-" + late);
        send(new EmployerRegistered("employer-" + early, "Acklam Dental Practice", "Health", EmployerSize.MICRO,
                "TS5 7AA"), "employer-" + early);
        producer.send(registration); // redelivered: changes nothing
        offer(school.id(), shoutOutId, early, 2);

        awaitView(school.id(), view -> assertThat(view.offers()).extracting(ShoutOutViews.OfferView::offerId,
                ShoutOutViews.OfferView::employerName, ShoutOutViews.OfferView::employerSector,
                ShoutOutViews.OfferView::employerSize).containsExactly(
                org.assertj.core.groups.Tuple.tuple(late, "Tees Bridge Works", "Engineering", "SMALL"),
                org.assertj.core.groups.Tuple.tuple(early, "Acklam Dental Practice", "Health", "MICRO")));
        Reply one = get("/api/v1/shout-outs/" + shoutOutId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).as("the same record as the school's list")
                .isEqualTo(EventJson.MAPPER.readTree(http.get().uri("/api/v1/schools/" + school.id() + "/shout-outs")
                        .retrieve().body(String.class)).get(0));
        assertThat(one.json().get("offers").get(0).has("employerName")).isTrue();
        assertThat(one.json().toString()).doesNotContain("TS1 2AB", "TS5 7AA", "postcode");
    }

    @Test
    void aShoutOutNobodyPostedIsNotFoundInTheWordsOfARefusal() {
        School school = newSchool();

        Reply missing = get("/api/v1/shout-outs/no-such-shout-out");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).isEqualTo("There is no shout-out with id no-such-shout-out.");
        assertThat(get("/api/v1/shout-outs/" + school.id()).status()).as("the id of a school, not a shout-out")
                .isEqualTo(404);
    }

    // --- encounter-service, simulated

    private ProducerRecord<String, byte[]> offer(String schoolId, String shoutOutId, String offerId, int places) {
        EmployerOffered offered = new EmployerOffered(offerId, "employer-" + offerId, shoutOutId,
                shoutOutId == null ? null : schoolId, LocalDate.now().plusDays(10), "Happy to help with " + offerId,
                ActivityType.CAREERS_TALK, "Careers talk", places, DeliveryMode.IN_PERSON);
        return send(offered, offerId);
    }

    private void withdrawOffer(String schoolId, String shoutOutId, String offerId) {
        send(new OfferWithdrawn(offerId, "employer-" + offerId, shoutOutId, schoolId, "Volunteer unwell"), offerId);
    }

    private ProducerRecord<String, byte[]> send(IntegrationEvent event, String aggregateId) {
        ProducerRecord<String, byte[]> record = new EventRecord(event, UUID.randomUUID().toString(), aggregateId,
                event instanceof OfferWithdrawn ? 1L : 0L, Instant.now(), "employer-volunteer-1")
                .toProducerRecord(ENCOUNTER_TOPIC);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return record;
    }

    // --- school-service, through its API and its topic

    private record School(ShoutOutIntegrationTest test, String id, String hubId) {

        /** Acts as the school's careers leader from here on. */
        String postShoutOut(int places, LocalDate end) {
            test.bearer.asCareersLeaderOf(id);
            return test.created("/api/v1/schools/" + id + "/shout-outs", test.shoutOutBody(places, end, 11), "shoutOutId");
        }
    }

    /** Registered by an admin; the test then acts as its careers leader. */
    private School newSchool() {
        bearer.asAdmin();
        String hubId = created("/api/v1/hubs", Map.of("name", "Tees Valley"), "hubId");
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        String schoolId = created("/api/v1/schools", Map.of("urn", urn, "name", "Northfield School",
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), "schoolId");
        bearer.asCareersLeaderOf(schoolId);
        return new School(this, schoolId, hubId);
    }

    private Map<String, Object> shoutOutBody(int places, LocalDate end, int yearGroup) {
        return shoutOutBody("Careers talk", places, end, yearGroup);
    }

    private Map<String, Object> shoutOutBody(String title, int places, LocalDate end, int yearGroup) {
        return Map.of("title", title, "activityType", "CAREERS_TALK",
                "sectors", List.of("Health"), "yearGroups", List.of(yearGroup), "places", places,
                "startDate", LocalDate.now().toString(), "endDate", end.toString(), "mode", "IN_PERSON");
    }

    private void awaitView(String schoolId, Consumer<ShoutOutViews.ShoutOutView> assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ShoutOutViews.ShoutOutView> views = getViews(schoolId, "");
            assertThat(views).hasSize(1);
            assertion.accept(views.getFirst());
        });
    }

    private void awaitView(String schoolId, String shoutOutId, Consumer<ShoutOutViews.ShoutOutView> assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getViews(schoolId, ""))
                .filteredOn(view -> view.shoutOutId().equals(shoutOutId)).singleElement().satisfies(assertion::accept));
    }

    private List<ShoutOutViews.ShoutOutView> getViews(String schoolId, String query) {
        JsonNode body = EventJson.MAPPER.readTree(http.get().uri("/api/v1/schools/" + schoolId + "/shout-outs" + query)
                .retrieve().body(String.class));
        return body.valueStream().map(node -> EventJson.MAPPER.convertValue(node, ShoutOutViews.ShoutOutView.class))
                .toList();
    }

    private record Published(String type, String aggregateId, String actingUser, JsonNode body) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    /** Everything school-service published whose body mentions the id, in topic order (one key, one partition). */
    private List<Published> awaitPublished(String id, Consumer<List<Published>> assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                published.add(new Published(header(record, EventHeaders.TYPE), header(record, EventHeaders.AGGREGATE_ID),
                        header(record, EventHeaders.ACTING_USER), EventJson.MAPPER.readTree(record.value())));
            }
            assertion.accept(about(id));
        });
        return about(id);
    }

    private List<Published> about(String id) {
        return published.stream().filter(p -> p.body().toString().contains("\"" + id + "\"")).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double unknownShoutOutOffers() {
        var counter = meters.find(EmployerOffers.UNKNOWN_SHOUT_OUT).counter();
        return counter == null ? 0 : counter.count();
    }

    private record Reply(int status, String contentType, JsonNode json) {
    }

    private Reply post(String path, Object body) {
        var request = http.post().uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, reply) -> reply(reply), true);
    }

    private Reply get(String path) {
        return http.get().uri(path).exchange((req, reply) -> reply(reply), true);
    }

    private Reply put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, reply) -> reply(reply), true);
    }

    private static Reply reply(org.springframework.http.client.ClientHttpResponse reply) throws java.io.IOException {
        byte[] bytes = reply.getBody().readAllBytes();
        var contentType = reply.getHeaders().getContentType();
        return new Reply(reply.getStatusCode().value(), contentType == null ? "" : contentType.toString(),
                bytes.length == 0 ? null : EventJson.MAPPER.readTree(bytes));
    }

    @SuppressWarnings("unchecked")
    private String created(String path, Map<String, ?> body, String idField) {
        Map<String, Object> response = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
        assertThat(response).containsKey(idField);
        return (String) response.get(idField);
    }
}
