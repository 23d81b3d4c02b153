package uk.encounters.encounter.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.OfferAccepted;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.encounter.IntegrationTestSupport;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.encounter.offer.OfferIds;
import uk.encounters.platform.messaging.EventJson;
import uk.encounters.platform.security.testing.AccessMatrix;
import uk.encounters.platform.security.testing.AccessMatrix.Endpoint;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * encounter-service's access matrix (docs/access.md) endpoint by endpoint, and the attacks of issue 6 that reach it:
 * an employer withdrawing another employer's offer or offering in its name, school A correcting B's register or
 * recording for B, and forged, expired, wrongly signed and foreign tokens on a register and an offer. Every refusal is
 * checked to have stored nothing, and the logs to hold no token and no pupil id.
 */
class EncounterAccessTest extends IntegrationTestSupport {

    static final String ADMIN = "admin";
    static final String LEADER_A = "careers leader of A";
    static final String LEADER_B = "careers leader of B";
    static final String COORDINATOR = "hub coordinator";
    static final String EMPLOYER_1 = "employer 1";
    static final String EMPLOYER_2 = "employer 2";
    static final String NEW_EMPLOYER = "employer not yet registered here";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    LoggingSystem logging;

    private final String schoolA = "school-a-" + UUID.randomUUID();
    private final String schoolB = "school-b-" + UUID.randomUUID();
    private final String employer1 = "employer-1-" + UUID.randomUUID();
    private final String employer2 = "employer-2-" + UUID.randomUUID();
    private final String newEmployer = "employer-3-" + UUID.randomUUID();
    private final List<String> pupilsA = new ArrayList<>();
    private final List<String> pupilsB = new ArrayList<>();

    /** A's two shout-outs, employer 1's offer on the first, A's recorded and scheduled encounters, B's recorded one. */
    private record Fixtures(String shoutOut, String freshShoutOut, String offer, String recorded, String scheduled,
                            String recordedB) {
    }

    private Fixtures setUp() {
        for (String school : List.of(schoolA, schoolB)) {
            schoolPublishes(school, new SchoolRegistered(school, "136789", "School " + school, SchoolType.SCHOOL,
                    "hub-1", List.of(7, 8, 9, 10, 11)));
        }
        enrol(schoolA, pupilsA);
        enrol(schoolB, pupilsB);
        for (String employer : List.of(employer1, employer2)) {
            assertThat(send("POST", "/api/v1/employers", ISSUER.employer(employer), Map.of("name", "Tees Engineering",
                    "sector", "Engineering", "size", "SMALL", "postcode", "TS17 6AB")).status()).isEqualTo(201);
        }
        String shoutOut = shoutOut(schoolA, "2026-10-01");
        String freshShoutOut = shoutOut(schoolA, "2026-10-01");
        String accepted = shoutOut(schoolA, "2026-10-01");
        await().atMost(Duration.ofSeconds(60)).until(() -> onBoard(List.of(shoutOut, freshShoutOut, accepted)));
        String offer = offer(employer1, shoutOut);
        String acceptedOffer = offer(employer1, accepted);
        schoolPublishes(accepted, new OfferAccepted(acceptedOffer, accepted, schoolA, employer1));
        String scheduled = EncounterIds.forOffer(acceptedOffer, schoolA);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventStore.readEvents(scheduled).hasNext());
        String recorded = send("POST", "/api/v1/encounters", ISSUER.careersLeader(schoolA),
                recording(schoolA, pupilsA)).json("encounterId");
        String recordedB = send("POST", "/api/v1/encounters", ISSUER.careersLeader(schoolB),
                recording(schoolB, pupilsB)).json("encounterId");
        return new Fixtures(shoutOut, freshShoutOut, offer, recorded, scheduled, recordedB);
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAllowsItsRoleAndTenantAndRefusesEveryoneElse() {
        Fixtures f = setUp();
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put(ADMIN, ISSUER::admin);
        callers.put(LEADER_A, () -> ISSUER.careersLeader(schoolA));
        callers.put(LEADER_B, () -> ISSUER.careersLeader(schoolB));
        callers.put(COORDINATOR, () -> ISSUER.hubCoordinator("hub-1"));
        callers.put(EMPLOYER_1, () -> ISSUER.employer(employer1));
        callers.put(EMPLOYER_2, () -> ISSUER.employer(employer2));
        callers.put(NEW_EMPLOYER, () -> ISSUER.employer(newEmployer));
        String ownActivity = employer1 + ":open-day-" + UUID.randomUUID();
        assertThat(send("POST", "/api/v1/offers", ISSUER.employer(employer1), ownActivity(ownActivity)).status())
                .isEqualTo(201);
        AccessMatrix matrix = new AccessMatrix(URI.create("http://localhost:" + port), callers, this::storedCommits);
        return matrix.tests(List.of(
                Endpoint.of("POST", "/api/v1/employers", () -> newEmployer, id -> json(Map.of("employerId", id,
                                "name", "Tees Ports", "sector", "Logistics", "size", "LARGE", "postcode", "TS2 1AA")))
                        .refuse(EMPLOYER_1, 422).refuse(EMPLOYER_2, 422).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(COORDINATOR, 403).allow(NEW_EMPLOYER, 201),
                Endpoint.of("GET", "/api/v1/shout-outs?status=OPEN", () -> "-")
                        .refuse(ADMIN, 403).allow(LEADER_A, 200).allow(LEADER_B, 200).allow(COORDINATOR, 200)
                        .allow(EMPLOYER_1, 200).allow(EMPLOYER_2, 200).allow(NEW_EMPLOYER, 200),
                Endpoint.of("POST", "/api/v1/shout-outs/{shoutOutId}/offers", () -> f.freshShoutOut(),
                                id -> json(Map.of("employerId", employer1, "proposedDate", "2026-11-20")))
                        .refuse(EMPLOYER_2, 422).refuse(NEW_EMPLOYER, 422).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(COORDINATOR, 403).allow(EMPLOYER_1, 201),
                Endpoint.of("POST", "/api/v1/offers", () -> employer1, id -> json(Map.of("employerId", id,
                                "activityType", "WORKPLACE_VISIT", "title", "Open day", "date", "2027-03-01",
                                "places", 20, "mode", "IN_PERSON")))
                        .refuse(EMPLOYER_2, 422).refuse(NEW_EMPLOYER, 422).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(COORDINATOR, 403).allow(EMPLOYER_1, 201),
                // A chosen offer id another employer holds: refused as any id outside the caller's namespace.
                Endpoint.of("POST", "/api/v1/offers", () -> ownActivity, id -> json(ownActivity(id)))
                        .refuse(EMPLOYER_2, 422).refuse(NEW_EMPLOYER, 422).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(COORDINATOR, 403)
                        // Its own employer gets past the check and is told it has that offer already.
                        .allow(EMPLOYER_1, 409),
                Endpoint.of("POST", "/api/v1/offers/{offerId}/withdraw", () -> f.offer(),
                                id -> json(Map.of("reason", "Volunteer unwell")))
                        .refuse(EMPLOYER_2, 404).refuse(NEW_EMPLOYER, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                        .refuse(LEADER_B, 403).refuse(COORDINATOR, 403).allow(EMPLOYER_1, 200),
                Endpoint.of("POST", "/api/v1/encounters", () -> schoolA, id -> json(recording(id, pupilsA)))
                        .refuse(LEADER_B, 422).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403).allow(LEADER_A, 201),
                // A chosen encounter id another school holds: refused as any id outside the caller's namespace.
                Endpoint.of("POST", "/api/v1/encounters", () -> f.recordedB(),
                                id -> json(chosenId(id, pupilsA)))
                        .refuse(LEADER_A, 422).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403)
                        // Its own school gets past the check and meets the encounter's own rule.
                        .allow(LEADER_B, 409),
                Endpoint.of("PUT", "/api/v1/encounters/{encounterId}/attendees", () -> f.recorded(),
                                id -> json(Map.of("attendees", pupilsA.subList(0, 1), "reason", "Register corrected")))
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403).allow(LEADER_A, 200),
                Endpoint.of("POST", "/api/v1/encounters/{encounterId}/meaningful-override", () -> f.recorded(),
                                id -> json(Map.of("benchmark", "GB5", "meaningful", false, "reason", "Too short")))
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403).allow(LEADER_A, 200),
                Endpoint.of("POST", "/api/v1/encounters/{encounterId}/withdraw", () -> f.recorded(),
                                id -> json(Map.of("reason", "Wrong employer")))
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403).allow(LEADER_A, 200),
                Endpoint.of("POST", "/api/v1/encounters/{encounterId}/cancel", () -> f.scheduled(),
                                id -> json(Map.of("reason", "Site closed")))
                        .refuse(LEADER_B, 404).refuse(EMPLOYER_2, 404).refuse(NEW_EMPLOYER, 404)
                        .refuse(ADMIN, 403).refuse(COORDINATOR, 403)
                        // Both parties get past the check; the second meets the encounter's own rule.
                        .allow(EMPLOYER_1, 200).allow(LEADER_A, 409),
                employerRead("/api/v1/employers/{employerId}"),
                employerRead("/api/v1/employers/{employerId}/offers"),
                employerRead("/api/v1/employers/{employerId}/encounters"),
                Endpoint.of("GET", "/api/v1/schools/{schoolId}/encounters", () -> schoolA)
                        .refuse(LEADER_B, 404).refuse(ADMIN, 403).refuse(COORDINATOR, 403).refuse(EMPLOYER_1, 403)
                        .refuse(EMPLOYER_2, 403).refuse(NEW_EMPLOYER, 403).allow(LEADER_A, 200),
                Endpoint.of("GET", "/api/v1/encounters/{encounterId}", () -> f.recorded())
                        .refuse(LEADER_B, 404).refuse(EMPLOYER_2, 404).refuse(NEW_EMPLOYER, 404)
                        .refuse(ADMIN, 403).refuse(COORDINATOR, 403)
                        .allow(LEADER_A, 200).allow(EMPLOYER_1, 200)));
    }

    /** An employer's own registration, offers and encounters: that employer only. */
    private Endpoint employerRead(String path) {
        return Endpoint.of("GET", path, () -> employer1)
                .refuse(EMPLOYER_2, 404).refuse(NEW_EMPLOYER, 404).refuse(ADMIN, 403).refuse(LEADER_A, 403)
                .refuse(LEADER_B, 403).refuse(COORDINATOR, 403).allow(EMPLOYER_1, 200);
    }

    // --- the attacks of issue 6 that reach this service

    @Test
    void anEmployerCannotWithdrawAnotherEmployersOfferNorOfferInItsNameNorProbeItsOfferIds() {
        Fixtures f = setUp();
        long commits = storedCommits();

        Sent withdraw = send("POST", "/api/v1/offers/" + f.offer() + "/withdraw", ISSUER.employer(employer2),
                Map.of("reason", "Mischief"));
        Sent missing = send("POST", "/api/v1/offers/no-such-offer/withdraw", ISSUER.employer(employer2),
                Map.of("reason", "Mischief"));
        Sent inItsName = send("POST", "/api/v1/shout-outs/" + f.freshShoutOut() + "/offers",
                ISSUER.employer(employer2), Map.of("employerId", employer1, "proposedDate", "2026-11-20"));
        // Offers on shout-outs have ids derived from shout-out and employer: probing one reads like a fresh id.
        Sent probe = send("POST", "/api/v1/offers", ISSUER.employer(employer2), ownActivity(f.offer()));
        Sent fresh = send("POST", "/api/v1/offers", ISSUER.employer(employer2),
                ownActivity("offer-" + UUID.randomUUID()));

        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(withdraw.body()).isEqualTo(missing.body().replace("no-such-offer", f.offer()));
        assertThat(inItsName.status()).isEqualTo(422);
        assertThat(probe.status()).isEqualTo(422);
        assertThat(probe.body()).isEqualTo(fresh.body());
        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(eventStore.readEvents(OfferIds.forShoutOut(f.freshShoutOut(), employer1)).hasNext()).isFalse();
        assertThat(eventStore.readEvents(f.offer()).asStream().count()).as("the offer is still open").isEqualTo(1);
    }

    @Test
    void schoolACannotCorrectBsRegisterNorRecordForBNorUseBsEncounterId() {
        Fixtures f = setUp();
        String leaderA = ISSUER.careersLeader(schoolA);
        long commits = storedCommits();
        long eventsOfB = eventStore.readEvents(f.recordedB()).asStream().count();

        Sent correct = send("PUT", "/api/v1/encounters/" + f.recordedB() + "/attendees", leaderA,
                Map.of("attendees", pupilsB.subList(0, 1), "reason", "Mischief"));
        Sent withdraw = send("POST", "/api/v1/encounters/" + f.recordedB() + "/withdraw", leaderA,
                Map.of("reason", "Mischief"));
        Sent recordForB = send("POST", "/api/v1/encounters", leaderA, recording(schoolB, pupilsB));
        Sent reuseId = send("POST", "/api/v1/encounters", leaderA, chosenId(f.recordedB(), pupilsA));
        Sent freshId = send("POST", "/api/v1/encounters", leaderA, chosenId("enc-" + UUID.randomUUID(), pupilsA));
        Sent inBsNamespace = send("POST", "/api/v1/encounters", leaderA,
                chosenId(schoolB + ":" + UUID.randomUUID(), pupilsA));

        assertThat(correct.status()).isEqualTo(404);
        assertThat(correct.body()).doesNotContain(pupilsB.get(0));
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(recordForB.status()).isEqualTo(422);
        // Whether B holds an id is never told: B's id, a fresh one and one in B's namespace read alike.
        assertThat(List.of(reuseId, freshId, inBsNamespace)).allSatisfy(sent -> {
            assertThat(sent.status()).isEqualTo(422);
            assertThat(sent.body()).isEqualTo(freshId.body());
        });
        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(eventStore.readEvents(f.recordedB()).asStream().count()).isEqualTo(eventsOfB);

        String ownId = schoolA + ":trip-" + UUID.randomUUID();
        Sent own = send("POST", "/api/v1/encounters", leaderA, chosenId(ownId, pupilsA));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json("encounterId")).isEqualTo(ownId);
        assertThat(send("POST", "/api/v1/encounters", leaderA, chosenId(ownId, pupilsA)).status())
                .as("recorded already").isEqualTo(409);
        assertThat(send("POST", "/api/v1/encounters", leaderA, chosenId(f.scheduled(), pupilsA)).status())
                .as("A's scheduled encounter, completed by its id").isEqualTo(201);
    }

    @Test
    void anotherSchoolsPupilOnARegisterGetsExactlyTheAnswerOfAnIdNeverSeen() {
        Fixtures f = setUp();
        String leaderA = ISSUER.careersLeader(schoolA);
        String pupilOfB = pupilsB.getFirst();
        String neverSeen = "pupil-" + UUID.randomUUID();
        long commits = storedCommits();

        // On their own (a retryable 409), among other mistakes (a 422), in a recording and in a correction.
        List<Function<String, Sent>> requests = List.of(
                pupil -> send("POST", "/api/v1/encounters", leaderA, recording(schoolA, List.of(pupilsA.getFirst(),
                        pupil))),
                pupil -> {
                    Map<String, Object> tooLong = recording(schoolA, List.of(pupil));
                    tooLong.put("hours", 41);
                    return send("POST", "/api/v1/encounters", leaderA, tooLong);
                },
                pupil -> send("PUT", "/api/v1/encounters/" + f.recorded() + "/attendees", leaderA,
                        Map.of("attendees", List.of(pupil), "reason", "Added a pupil")));
        for (var request : requests) {
            Sent elsewhere = request.apply(pupilOfB);
            Sent unseen = request.apply(neverSeen);
            assertThat(elsewhere.status()).isIn(409, 422).isEqualTo(unseen.status());
            assertThat(elsewhere.body().replace(pupilOfB, "{id}")).isEqualTo(unseen.body().replace(neverSeen, "{id}"));
        }
        assertThat(storedCommits()).isEqualTo(commits);
    }

    @Test
    void anEmployerReadsItsOwnEncountersAndOffersWithoutAPupilIdInThem() {
        Fixtures f = setUp();
        String employer = ISSUER.employer(employer1);
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/v1/employers/" + employer1
                + "/encounters", employer, null).body().contains(f.recorded()));

        List<Sent> reads = List.of(
                send("GET", "/api/v1/encounters/" + f.recorded(), employer, null),
                send("GET", "/api/v1/employers/" + employer1 + "/encounters", employer, null),
                send("GET", "/api/v1/employers/" + employer1 + "/offers", employer, null));

        assertThat(reads).allSatisfy(read -> {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(pupilsA);
        });
        assertThat(EventJson.MAPPER.readTree(reads.getFirst().body()).path("attendeeCount").asInt())
                .isEqualTo(pupilsA.size());
        assertThat(send("GET", "/api/v1/encounters/" + f.recorded(), ISSUER.careersLeader(schoolA), null).body())
                .as("its school sees the register").contains(pupilsA);
    }

    @Test
    void aBadTokenCorrectsNoRegisterAndMakesNoOffer() {
        Fixtures f = setUp();
        long commits = storedCommits();
        long eventsOfRecorded = eventStore.readEvents(f.recorded()).asStream().count();

        ISSUER.badTokens(TestIssuer.CAREERS_LEADER, schoolA).forEach((name, token) -> {
            Sent correct = send("PUT", "/api/v1/encounters/" + f.recorded() + "/attendees", token,
                    Map.of("attendees", pupilsA.subList(0, 1), "reason", "Register corrected"));
            assertThat(correct.status()).as(name + ": " + correct.body()).isEqualTo(401);
            assertThat(correct.body()).as(name).doesNotContain(pupilsA.get(1));
        });
        ISSUER.badTokens(TestIssuer.EMPLOYER, employer1).forEach((name, token) -> {
            Sent offer = send("POST", "/api/v1/shout-outs/" + f.freshShoutOut() + "/offers", token,
                    Map.of("employerId", employer1, "proposedDate", "2026-11-20"));
            Sent ownActivity = send("POST", "/api/v1/offers", token, Map.of("employerId", employer1,
                    "activityType", "WORKPLACE_VISIT", "title", "Open day", "date", "2027-03-01", "places", 20,
                    "mode", "IN_PERSON"));
            assertThat(offer.status()).as(name + ": " + offer.body()).isEqualTo(401);
            assertThat(ownActivity.status()).as(name + ": " + ownActivity.body()).isEqualTo(401);
        });

        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(eventStore.readEvents(f.recorded()).asStream().count()).isEqualTo(eventsOfRecorded);
        assertThat(eventStore.readEvents(OfferIds.forShoutOut(f.freshShoutOut(), employer1)).hasNext()).isFalse();
    }

    /** Spring Security at DEBUG, as someone chasing a sign-in problem would set it, for the span of the requests. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsCarryNoTokenAndNoPupilId(CapturedOutput output) {
        String leaderA = ISSUER.careersLeader(schoolA);
        String forged = ISSUER.forged(TestIssuer.CAREERS_LEADER, schoolB);
        logging.setLogLevel("org.springframework.security", LogLevel.DEBUG);
        try {
            Fixtures f = setUp();
            send("PUT", "/api/v1/encounters/" + f.recorded() + "/attendees", leaderA,
                    Map.of("attendees", pupilsA.subList(0, 1), "reason", "Register corrected"));
            send("GET", "/api/v1/encounters/" + f.recorded(), leaderA, null);
            send("PUT", "/api/v1/encounters/" + f.recordedB() + "/attendees", leaderA,
                    Map.of("attendees", pupilsB, "reason", "Mischief"));
            send("PUT", "/api/v1/encounters/" + f.recordedB() + "/attendees", forged,
                    Map.of("attendees", pupilsB, "reason", "Mischief"));
            send("POST", "/api/v1/encounters", leaderA, recording(schoolA, List.of(pupilsA.get(0), "not-on-roll")));
        } finally {
            logging.setLogLevel("org.springframework.security", null);
        }

        assertThat(output.getAll()).as("Spring Security logged at DEBUG").contains("Secured PUT /api/v1/encounters/")
                .doesNotContain(leaderA, forged, forged.substring(forged.lastIndexOf('.') + 1))
                .doesNotContainPattern(TestIssuer.JWT_SHAPE).doesNotContain(pupilsA).doesNotContain(pupilsB);
    }

    // --- helpers

    private void enrol(String school, List<String> pupils) {
        List<PupilEnrolled> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String pupilId = "pupil-" + UUID.randomUUID();
            pupils.add(pupilId);
            events.add(new PupilEnrolled(pupilId, school, "2026/27", 10, LocalDate.of(2025, 9, 3), Sen.NONE, false,
                    Gender.NOT_RECORDED, null));
        }
        schoolPublishes("roll-" + school, events);
        awaitRoster(school, pupils);
    }

    private String shoutOut(String school, String start) {
        String shoutOutId = "shout-out-" + UUID.randomUUID();
        schoolPublishes(shoutOutId, new ShoutOutPosted(shoutOutId, school, "hub-1", "Mock interviews", "",
                ActivityType.MOCK_INTERVIEWS, List.of(), List.of(10), 30, LocalDate.parse(start),
                LocalDate.parse("2026-12-12"), DeliveryMode.IN_PERSON, null));
        return shoutOutId;
    }

    private boolean onBoard(List<String> shoutOutIds) {
        String board = send("GET", "/api/v1/shout-outs?status=OPEN", ISSUER.employer(employer1), null).body();
        return shoutOutIds.stream().allMatch(board::contains);
    }

    private String offer(String employer, String shoutOutId) {
        Sent reply = send("POST", "/api/v1/shout-outs/" + shoutOutId + "/offers", ISSUER.employer(employer),
                Map.of("employerId", employer, "proposedDate", "2026-11-20"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json("offerId");
    }

    private Map<String, Object> recording(String school, List<String> attendees) {
        return recording(school, employer1, attendees);
    }

    /** A recording for the caller's school (named by its token alone) under an id the client chose. */
    private Map<String, Object> chosenId(String encounterId, List<String> attendees) {
        Map<String, Object> request = recording(null, attendees);
        request.remove("schoolId");
        request.put("encounterId", encounterId);
        return request;
    }

    /** An own activity under a chosen id, in the caller's name (the token's tenant). */
    private static Map<String, Object> ownActivity(String offerId) {
        return Map.of("offerId", offerId, "activityType", "WORKPLACE_VISIT", "title", "Open day",
                "date", "2027-03-01", "places", 20, "mode", "IN_PERSON");
    }

    private static String json(Map<String, ?> body) {
        return EventJson.MAPPER.writeValueAsString(body);
    }

    private Sent send(String method, String path, String token, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Sent(int status, String body) {
        String json(String field) {
            return EventJson.MAPPER.readTree(body).path(field).asString();
        }
    }
}
