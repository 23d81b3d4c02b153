package uk.encounters.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.OfferAccepted;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.ShoutOutChanged;
import uk.encounters.contracts.school.ShoutOutExpired;
import uk.encounters.contracts.school.ShoutOutFilled;
import uk.encounters.contracts.school.ShoutOutWithdrawn;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.encounter.offer.OfferIds;
import uk.encounters.platform.messaging.EventHeaders;

/** Through the HTTP API and Kafka: employers, the board, offers, encounters and their corrections. */
class EncounterServiceIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EventStore eventStore;

    // --- the board

    @Test
    void theBoardFillsFromPostedShoutOutsFollowsTheirChangesAndNeverShowsPupils() {
        String school = newSchool();
        String pupil = "pupil-" + UUID.randomUUID();
        schoolPublishes("roll-" + school, enrolled(pupil, school, ADMITTED));
        String talk = shoutOut(school, "Careers talk for History", ActivityType.CAREERS_TALK, List.of("Culture"),
                List.of(9), "2027-03-01", "2027-03-31", DeliveryMode.IN_PERSON, "Library, Northfield TS17 6AB");
        String tour = shoutOut(school, "Virtual tour of a lab", ActivityType.WORKPLACE_VISIT, List.of(), List.of(10, 11),
                "2027-01-10", "2027-01-20", DeliveryMode.VIRTUAL, null);
        String filled = shoutOut(school, "Mock interviews", ActivityType.MOCK_INTERVIEWS, List.of("Finance"),
                List.of(11), "2027-02-01", "2027-02-28", DeliveryMode.IN_PERSON, "Hall, DL1 5AB");
        String expired = shoutOut(school, "CV workshop", ActivityType.CV_WORKSHOP, List.of("Retail"), List.of(11),
                "2027-02-01", "2027-02-28", DeliveryMode.IN_PERSON, "Hall");

        await().atMost(Duration.ofSeconds(60)).until(() -> openIds("").containsAll(List.of(talk, tour, filled, expired)));
        JsonNode entry = boardEntry(talk);
        assertThat(entry.path("schoolName").asString()).isEqualTo("School " + school);
        assertThat(entry.path("district").asString()).isEqualTo("TS17");
        assertThat(get("/api/v1/shout-outs?status=OPEN").toString()).doesNotContain(pupil);

        // Filters: each narrows to what it names; a shout-out naming no sector welcomes every sector.
        assertThat(openIds("&sector=culture")).contains(talk, tour).doesNotContain(filled, expired);
        assertThat(openIds("&activityType=WORKPLACE_VISIT")).contains(tour).doesNotContain(talk, filled, expired);
        assertThat(openIds("&yearGroup=9")).contains(talk).doesNotContain(tour, filled, expired);
        assertThat(openIds("&from=2027-03-15&to=2027-04-30")).contains(talk).doesNotContain(tour, filled, expired);
        assertThat(openIds("&from=2027-01-15&to=2027-01-15")).contains(tour).doesNotContain(talk, filled, expired);
        assertThat(openIds("&mode=VIRTUAL")).contains(tour).doesNotContain(talk, filled, expired);
        assertThat(openIds("&area=TS")).contains(talk).doesNotContain(tour, filled, expired);
        assertThat(openIds("&area=ts17")).contains(talk).doesNotContain(tour, filled);
        assertThat(openIds("&area=TS1")).doesNotContain(talk);
        assertThat(openIds("&area=DL")).contains(filled).doesNotContain(talk);

        schoolPublishes(talk, new ShoutOutChanged(talk, school, "Careers talk for History and Politics", "",
                ActivityType.CAREERS_TALK, List.of("Culture"), List.of(9, 10), 40, LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-31"), DeliveryMode.HYBRID, "Library, Northfield TS17 6AB"));
        schoolPublishes(tour, new ShoutOutWithdrawn(tour, school, "Lab closed"));
        schoolPublishes(filled, new ShoutOutFilled(filled, school, List.of("offer-x")));
        schoolPublishes(expired, new ShoutOutExpired(expired, school, LocalDate.parse("2027-02-28"), 30));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> open = openIds("");
            return open.contains(talk) && !open.contains(tour) && !open.contains(filled) && !open.contains(expired)
                    && boardEntry(talk).path("title").asString().equals("Careers talk for History and Politics");
        });
        assertThat(boardEntry(talk).path("mode").asString()).isEqualTo("HYBRID");
        assertThat(ids(get("/api/v1/shout-outs?status=WITHDRAWN"))).contains(tour);
        assertThat(ids(get("/api/v1/shout-outs?status=FILLED"))).contains(filled);
        assertThat(ids(get("/api/v1/shout-outs?status=EXPIRED"))).contains(expired);
    }

    // --- employers and offers

    @Test
    void anEmployerRegistersWithAUkPostcodeAndIsPublished() {
        Reply bad = post("/api/v1/employers", Map.of("name", "Tees Engineering", "sector", "Engineering",
                "size", "SMALL", "postcode", "90210"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).containsExactly("postcode");

        Reply reply = post("/api/v1/employers", Map.of("name", "Tees Engineering", "sector", "Engineering",
                "size", "SELF_EMPLOYED", "postcode", "ts17 6ab"));
        assertThat(reply.status()).isEqualTo(201);
        String employerId = reply.text("employerId");

        Published registered = awaitPublished("encounter.EmployerRegistered.v1", "employerId", employerId);
        assertThat(registered.body().path("postcode").asString()).isEqualTo("TS17 6AB");
        assertThat(registered.body().path("size").asString()).isEqualTo("SELF_EMPLOYED");
        assertThat(registered.headers()).as("the token's account id")
                .containsEntry(EventHeaders.ACTING_USER, "acc-employer-" + employerId);
    }

    @Test
    void anEmployerOffersOncePerShoutOutEvenWhenTwoRequestsRace() throws Exception {
        String school = newSchool();
        String shoutOut = shoutOut(school, "Mock interviews", ActivityType.MOCK_INTERVIEWS, List.of("Finance"),
                List.of(11), "2027-01-11", "2027-02-12", DeliveryMode.IN_PERSON, "Hall TS17 6AB");
        awaitOnBoard(shoutOut);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");

        Reply first = post(offers(shoutOut), Map.of("employerId", employer, "proposedDate", "2027-01-20",
                "message", "Ten interviewers"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("offerId")).isEqualTo(OfferIds.forShoutOut(shoutOut, employer));
        Reply second = post(offers(shoutOut), Map.of("employerId", employer, "proposedDate", "2027-01-21"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("offers once per shout-out");

        Published offered = awaitPublished("encounter.EmployerOffered.v1", "offerId", first.text("offerId"));
        assertThat(offered.key()).isEqualTo(school);
        assertThat(offered.body().path("schoolId").asString()).isEqualTo(school);
        assertThat(offered.body().path("proposedDate").asString()).isEqualTo("2027-01-20");
        assertThat(offered.body().path("activityType").asString()).isEqualTo("MOCK_INTERVIEWS");

        // Two requests at once from another employer: the event store's stream key lets exactly one through.
        String racer = registerEmployer("Small Bank", "Finance", "SMALL");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(offers(shoutOut), Map.of("employerId", racer, "proposedDate", "2027-01-25")).status();
            }, threads));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> future : racing) {
            statuses.add(future.get());
        }
        threads.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void offersOutsideTheWindowOrForClosedShoutOutsAreRefusedAndNothingIsStored() {
        String school = newSchool();
        String shoutOut = shoutOut(school, "Mock interviews", ActivityType.MOCK_INTERVIEWS, List.of(), List.of(11),
                "2027-01-11", "2027-02-12", DeliveryMode.IN_PERSON, null);
        String closed = shoutOut(school, "Old talk", ActivityType.CAREERS_TALK, List.of(), List.of(11),
                "2027-01-11", "2027-02-12", DeliveryMode.IN_PERSON, null);
        schoolPublishes(closed, new ShoutOutWithdrawn(closed, school, "No longer needed"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ids(get("/api/v1/shout-outs?status=WITHDRAWN")).contains(closed));
        awaitOnBoard(shoutOut);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        long commits = storedCommits();

        Reply late = post(offers(shoutOut), Map.of("employerId", employer, "proposedDate", "2027-02-13"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.errorFields()).containsExactly("proposedDate");
        assertThat(post(offers(closed), Map.of("employerId", employer, "proposedDate", "2027-01-20")).status())
                .isEqualTo(409);
        assertThat(post(offers("no-such-shout-out"), Map.of("employerId", employer, "proposedDate", "2027-01-20"))
                .status()).isEqualTo(404);
        Reply stranger = post(offers(shoutOut), Map.of("employerId", "nobody", "proposedDate", "2027-01-20"));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.errorFields()).containsExactly("employerId");

        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(eventStore.readEvents(OfferIds.forShoutOut(shoutOut, employer)).hasNext()).isFalse();
    }

    @Test
    void anEmployersOwnActivityIsOfferedAndCanBeWithdrawnOnce() {
        String employer = registerEmployer("Hospital Trust", "Health", "LARGE");
        Reply offered = post("/api/v1/offers", Map.of("employerId", employer, "activityType", "VIRTUAL_WORK_EXPERIENCE",
                "title", "A week on the wards, online", "date", "2027-03-01", "places", 200, "mode", "VIRTUAL"));
        assertThat(offered.status()).isEqualTo(201);
        String offerId = offered.text("offerId");

        Published published = awaitPublished("encounter.EmployerOffered.v1", "offerId", offerId);
        assertThat(published.body().path("schoolId").isNull()).isTrue();
        assertThat(published.key()).isEqualTo(employer);

        assertThat(post("/api/v1/offers/" + offerId + "/withdraw", Map.of("reason", "Ward closed")).status())
                .isEqualTo(200);
        assertThat(awaitPublished("encounter.OfferWithdrawn.v1", "offerId", offerId).body().path("reason").asString())
                .isEqualTo("Ward closed");
        assertThat(post("/api/v1/offers/" + offerId + "/withdraw", Map.of()).status()).isEqualTo(409);
        assertThat(post("/api/v1/offers/no-such-offer/withdraw", Map.of()).status()).isEqualTo(404);
    }

    // --- acceptance, scheduling, cancelling

    @Test
    void theSchoolsAcceptanceSchedulesTheEncounterAndRecordingCompletesIt() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String shoutOut = shoutOut(school, "Mock interviews", ActivityType.MOCK_INTERVIEWS, List.of("Finance"),
                List.of(11), "2026-10-01", "2026-12-12", DeliveryMode.IN_PERSON, "Hall TS17 6AB");
        awaitOnBoard(shoutOut);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String offerId = post(offers(shoutOut), Map.of("employerId", employer, "proposedDate", "2026-11-20"))
                .text("offerId");

        OfferAccepted accepted = new OfferAccepted(offerId, shoutOut, school, employer);
        schoolPublishes(shoutOut, accepted);
        String encounterId = EncounterIds.forOffer(offerId, school);
        Published scheduled = awaitPublished("encounter.EncounterScheduled.v1", "encounterId", encounterId);
        assertThat(scheduled.body().path("date").asString()).isEqualTo("2026-11-20");
        assertThat(scheduled.body().path("location").asString()).isEqualTo("Hall TS17 6AB");
        assertThat(scheduled.headers()).containsEntry(EventHeaders.ACTING_USER, "system");

        // The acceptance delivered again (at-least-once) schedules nothing more.
        schoolPublishes(shoutOut, accepted);
        assertThat(post("/api/v1/offers/" + offerId + "/withdraw", Map.of()).status()).isEqualTo(409);

        // Recorded for the day it took place (brought forward: the request's date wins over the scheduled one).
        Map<String, Object> recording = recording(school, employer, pupils);
        recording.put("offerId", offerId);
        recording.remove("activityType");
        Reply recorded = post("/api/v1/encounters", recording);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.text("encounterId")).isEqualTo(encounterId);
        Published event = awaitPublished("encounter.EncounterRecorded.v1", "encounterId", encounterId);
        assertThat(event.body().path("shoutOutId").asString()).isEqualTo(shoutOut);
        assertThat(event.body().path("activityType").asString()).isEqualTo("MOCK_INTERVIEWS");
        assertThat(countEvents(encounterId)).isEqualTo(2);
        assertThat(post("/api/v1/encounters/" + encounterId + "/cancel",
                Map.of("cancelledBy", "SCHOOL", "reason", "Too late")).status()).isEqualTo(409);
    }

    @Test
    void aScheduledEncounterIsCancelledWithWhoAndHowMuchNotice() {
        String school = newSchool();
        String shoutOut = shoutOut(school, "Workplace visit", ActivityType.WORKPLACE_VISIT, List.of(), List.of(10),
                "2026-11-01", "2026-12-12", DeliveryMode.IN_PERSON, "Plant, DL1 5AB");
        awaitOnBoard(shoutOut);
        String employer = registerEmployer("Chemicals Ltd", "Manufacturing", "MEDIUM");
        String offerId = post(offers(shoutOut), Map.of("employerId", employer, "proposedDate", "2026-11-05"))
                .text("offerId");
        schoolPublishes(shoutOut, new OfferAccepted(offerId, shoutOut, school, employer));
        String encounterId = EncounterIds.forOffer(offerId, school);
        awaitPublished("encounter.EncounterScheduled.v1", "encounterId", encounterId);

        Reply noReason = post("/api/v1/encounters/" + encounterId + "/cancel", Map.of("cancelledBy", "EMPLOYER"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorFields()).containsExactly("reason");
        Reply cancelled = post("/api/v1/encounters/" + encounterId + "/cancel",
                Map.of("cancelledBy", "EMPLOYER", "reason", "Site closed for repairs"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("noticeDays").asLong()).isEqualTo(3);

        Published event = awaitPublished("encounter.EncounterCancelled.v1", "encounterId", encounterId);
        assertThat(event.body().path("cancelledBy").asString()).isEqualTo("EMPLOYER");
        assertThat(event.body().path("scheduledDate").asString()).isEqualTo("2026-11-05");
        assertThat(event.body().path("cancelledOn").asString()).isEqualTo("2026-11-02");
    }

    // --- recording

    @Test
    void aRecordedEncounterIsPublishedWithItsChecklistEvaluatedForTheFrameworkOfItsYear() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        Map<String, Object> request = recording(school, employer, pupils);
        request.put("benchmarks", List.of("GB5", "GB6"));

        Reply reply = post("/api/v1/encounters", request);
        assertThat(reply.status()).isEqualTo(201);
        Published recorded = awaitPublished("encounter.EncounterRecorded.v1", "encounterId", reply.text("encounterId"));

        JsonNode body = recorded.body();
        assertThat(recorded.key()).isEqualTo(school);
        assertThat(recorded.headers()).as("the token's account id")
                .containsEntry(EventHeaders.ACTING_USER, "acc-careers-leader-" + school);
        assertThat(body.path("framework").asString()).isEqualTo("V2024");
        assertThat(body.path("academicYear").asString()).isEqualTo("2026/27");
        assertThat(body.path("meaningful").path("GB5").asBoolean()).isTrue();
        assertThat(body.path("meaningful").path("GB6").asBoolean()).isFalse();
        assertThat(body.path("meaningful").path("GB6").isBoolean()).isTrue();
        assertThat(body.path("sector").asString()).isEqualTo("Finance");
        assertThat(body.path("employerSize").asString()).isEqualTo("LARGE");
        assertThat(body.path("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(body.path("attendees").size()).isEqualTo(3);
        assertThat(body.path("checklist").path("REFLECTION").asBoolean()).isTrue();
    }

    @Test
    void aRecordingFromThe2024To25YearIsEvaluatedUnderThe2014Framework() {
        String school = newSchool();
        List<String> pupils = enrol(school, 2);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        Map<String, Object> request = recording(school, employer, pupils);
        request.put("date", "2025-03-14");
        request.put("checklist", Map.of("LEARNING_OUTCOMES", true, "TWO_WAY_INTERACTION", true,
                "ACTIVE_PARTICIPATION", true));

        Reply reply = post("/api/v1/encounters", request);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = awaitPublished("encounter.EncounterRecorded.v1", "encounterId", reply.text("encounterId")).body();
        assertThat(body.path("framework").asString()).isEqualTo("V2014");
        assertThat(body.path("academicYear").asString()).isEqualTo("2024/25");
        assertThat(body.path("meaningful").path("GB5").asBoolean()).isTrue();
    }

    @Test
    void anEncounterNamingAPupilTheRosterHasNotSeenYetIsARetryableConflictThenAcceptedOnceTheRollArrives() {
        String school = newSchool();
        List<String> pupils = enrol(school, 2);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String newcomer = "pupil-" + UUID.randomUUID();
        List<String> register = new ArrayList<>(pupils);
        register.add(newcomer);
        Map<String, Object> request = recording(school, employer, register);
        String encounterId = school + ":" + UUID.randomUUID();
        request.put("encounterId", encounterId);
        long commits = storedCommits();

        Reply lagging = post("/api/v1/encounters", request);
        assertThat(lagging.status()).isEqualTo(409);
        assertThat(lagging.body().path("retryable").asBoolean()).isTrue();
        assertThat(lagging.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(lagging.errorMessages()).singleElement().asString().startsWith(newcomer);
        assertThat(lagging.body().path("detail").asString()).contains("try again shortly");
        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(eventStore.readEvents(encounterId).hasNext()).isFalse();

        // School-service's roll upload arrives; the careers leader's client retries as told and succeeds.
        schoolPublishes("roll-" + school, enrolled(newcomer, school, LocalDate.parse("2026-09-01")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("/api/v1/encounters", request).status() == 201);
        JsonNode body = awaitPublished("encounter.EncounterRecorded.v1", "encounterId", encounterId).body();
        assertThat(body.path("attendees").toString()).contains(newcomer);
    }

    @Test
    void everyRejectedRecordingNamesTheProblemAndStoresAndPublishesNothing() {
        String school = newSchool();
        List<String> pupils = enrol(school, 2);
        String joinedLater = "pupil-" + UUID.randomUUID();
        String leftBefore = "pupil-" + UUID.randomUUID();
        schoolPublishes("roll-" + school, enrolled(joinedLater, school, LocalDate.parse("2026-10-20")),
                enrolled(leftBefore, school, ADMITTED),
                new PupilLeft(leftBefore, school, "2026/27", LocalDate.parse("2026-10-14")));
        awaitRoster(school, List.of(joinedLater, leftBefore));
        await().atMost(Duration.ofSeconds(60)).until(() -> database.getCollection(ROSTER)
                .find(new org.bson.Document("_id", rosterKey(school, leftBefore))).first().toJson()
                .contains("2026-10-14"));
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        long commits = storedCommits();
        List<String> rejectedIds = new ArrayList<>();

        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("not yet admitted", with(recording(school, employer, List.of(pupils.get(0), joinedLater)), Map.of()));
        cases.put("left before", with(recording(school, employer, List.of(leftBefore)), Map.of()));
        cases.put("duplicate", with(recording(school, employer, List.of(pupils.get(0), pupils.get(0))), Map.of()));
        cases.put("future date", with(recording(school, employer, pupils), Map.of("date", "2026-11-03")));
        cases.put("too short", with(recording(school, employer, pupils), Map.of("hours", 0.1)));
        cases.put("too long", with(recording(school, employer, pupils), Map.of("hours", 41)));
        cases.put("2014 item in 2026/27", with(recording(school, employer, pupils),
                Map.of("checklist", Map.of("ACTIVE_PARTICIPATION", true))));
        cases.put("unknown checklist item", with(recording(school, employer, pupils),
                Map.of("checklist", Map.of("FUN_HAD", true))));
        cases.put("unknown employer", with(recording(school, "no-such-employer", pupils), Map.of()));
        cases.put("no register", with(recording(school, employer, List.of()), Map.of()));

        Map<String, String> expectedField = Map.ofEntries(
                Map.entry("not yet admitted", "attendees"),
                Map.entry("left before", "attendees"), Map.entry("duplicate", "attendees"),
                Map.entry("future date", "date"), Map.entry("too short", "hours"), Map.entry("too long", "hours"),
                Map.entry("2014 item in 2026/27", "checklist.ACTIVE_PARTICIPATION"),
                Map.entry("unknown checklist item", "checklist.FUN_HAD"),
                Map.entry("unknown employer", "employerId"), Map.entry("no register", "attendees"));
        Map<String, String> expectedMention = Map.of(
                "not yet admitted", joinedLater, "left before", leftBefore,
                "duplicate", pupils.get(0));

        cases.forEach((name, request) -> {
            String encounterId = school + ":" + UUID.randomUUID();
            request.put("encounterId", encounterId);
            rejectedIds.add(encounterId);
            Reply reply = post("/api/v1/encounters", request);
            assertThat(reply.status()).as(name).isEqualTo(422);
            assertThat(reply.headers().getContentType().toString()).as(name).isEqualTo("application/problem+json");
            assertThat(reply.errorFields()).as(name).containsOnly(expectedField.get(name));
            if (expectedMention.containsKey(name)) {
                assertThat(reply.errorMessages()).as(name).singleElement().asString()
                        .contains(expectedMention.get(name));
            }
            assertThat(eventStore.readEvents(encounterId).hasNext()).as(name).isFalse();
        });
        assertThat(storedCommits()).isEqualTo(commits);

        // The store is the outbox, so a sentinel stored after the rejections is published after anything they
        // could have stored: once it is on Kafka, none of theirs can be.
        String sentinel = registerEmployer("Sentinel Ltd", "Retail", "MICRO");
        List<Published> published = awaitPublished(p -> sentinel.equals(p.body().path("employerId").asString()));
        assertThat(published).noneMatch(p -> rejectedIds.contains(p.body().path("encounterId").asString()));
    }

    @Test
    void aPupilWhoMovedSchoolCountsAtTheNewSchoolOnceEnrolledThereAndAtTheOldOneUntilTheyLeft() {
        String from = newSchool();
        String to = newSchool();
        String mover = enrol(from, 1).getFirst();
        String neverSeen = "pupil-" + UUID.randomUUID();
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");

        // Before the new school's roll names the pupil, its register gets exactly the answer for an id never seen.
        Reply early = post("/api/v1/encounters", recording(to, employer, List.of(mover)));
        Reply unseen = post("/api/v1/encounters", recording(to, employer, List.of(neverSeen)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(early.body().toString().replace(mover, "{id}"))
                .isEqualTo(unseen.body().toString().replace(neverSeen, "{id}"));

        schoolPublishes("roll-" + from, new PupilLeft(mover, from, "2026/27", LocalDate.parse("2026-10-09")));
        schoolPublishes("roll-" + to, enrolled(mover, to, LocalDate.parse("2026-10-12")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("/api/v1/encounters", recording(to, employer, List.of(mover))).status() == 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> database.getCollection(ROSTER)
                .find(new org.bson.Document("_id", rosterKey(from, mover))).first().toJson().contains("2026-10-09"));
        Reply afterLeaving = post("/api/v1/encounters", recording(from, employer, List.of(mover)));
        assertThat(afterLeaving.errorMessages()).singleElement().asString()
                .isEqualTo(mover + " was not on this school's roll on " + HELD + ".");
        assertThat(post("/api/v1/encounters", with(recording(from, employer, List.of(mover)),
                Map.of("date", "2026-10-05"))).status()).isEqualTo(201);
    }

    @Test
    void aWholeSchoolRegisterIsAcceptedFromTheRoster() {
        String school = newSchool();
        List<String> pupils = enrol(school, 2_000);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");

        Reply reply = post("/api/v1/encounters", recording(school, employer, pupils));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(awaitPublished("encounter.EncounterRecorded.v1", "encounterId", reply.text("encounterId")).body()
                .path("attendees").size()).isEqualTo(2_000);
    }

    // --- corrections

    @Test
    void correctionsAreEventsAndFollowTheSameRules() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String elsewhere = enrol(newSchool(), 1).getFirst();
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String encounterId = post("/api/v1/encounters", recording(school, employer, pupils)).text("encounterId");
        String path = "/api/v1/encounters/" + encounterId;

        // Another school's pupil is, to this school, an id its roll never mentioned.
        assertThat(put(path + "/attendees", Map.of("attendees", List.of(pupils.get(0), elsewhere),
                "reason", "Added a pupil")).status()).isEqualTo(409);
        assertThat(put(path + "/attendees", Map.of("attendees", pupils.subList(0, 2), "reason", " ")).status())
                .isEqualTo(422);
        assertThat(put(path + "/attendees", Map.of("attendees", pupils.subList(0, 2),
                "reason", "One pupil was absent")).status()).isEqualTo(200);
        JsonNode corrected = awaitPublished("encounter.AttendanceCorrected.v1", "encounterId", encounterId).body();
        assertThat(corrected.path("attendees").size()).isEqualTo(2);
        assertThat(corrected.path("reason").asString()).isEqualTo("One pupil was absent");

        Reply untagged = post(path + "/meaningful-override", Map.of("benchmark", "GB6", "meaningful", true,
                "reason", "It was at their office"));
        assertThat(untagged.status()).isEqualTo(422);
        assertThat(untagged.errorFields()).containsExactly("benchmark");
        Reply unexplained = post(path + "/meaningful-override", Map.of("benchmark", "GB5", "meaningful", false));
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.errorFields()).containsExactly("reason");
        assertThat(post(path + "/meaningful-override", Map.of("benchmark", "GB5", "meaningful", false,
                "reason", "Pupils only listened")).status()).isEqualTo(200);
        JsonNode overridden = awaitPublished("encounter.MeaningfulnessOverridden.v1", "encounterId", encounterId).body();
        assertThat(overridden.path("meaningful").asBoolean()).isFalse();
        assertThat(overridden.path("benchmark").asString()).isEqualTo("GB5");

        assertThat(post(path + "/withdraw", Map.of("reason", "Wrong employer")).status()).isEqualTo(200);
        assertThat(awaitPublished("encounter.EncounterWithdrawn.v1", "encounterId", encounterId).body()
                .path("reason").asString()).isEqualTo("Wrong employer");
        assertThat(post(path + "/withdraw", Map.of("reason", "Again")).status()).isEqualTo(409);
        assertThat(post("/api/v1/encounters/no-such-encounter/withdraw", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    // --- helpers

    private JsonNode boardEntry(String shoutOutId) {
        for (JsonNode entry : get("/api/v1/shout-outs?status=OPEN")) {
            if (entry.path("shoutOutId").asString().equals(shoutOutId)) {
                return entry;
            }
        }
        throw new AssertionError(shoutOutId + " is not on the board");
    }

    private static Map<String, Object> with(Map<String, Object> request, Map<String, Object> changes) {
        request.putAll(changes);
        return request;
    }

    private long countEvents(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().count();
    }

}
