package uk.encounters.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.OfferAccepted;
import uk.encounters.contracts.school.OfferDeclined;
import uk.encounters.encounter.encounter.EncounterIds;
import uk.encounters.encounter.offer.EmployerOffered;

/**
 * The portal's reads through the HTTP API, as the right caller each time (who else may read them is
 * EncounterAccessTest's business): an employer's registration, offers and encounters, a school's encounters, one
 * encounter in full, and the board's distance filter. Every status an offer or encounter can reach shows in them.
 */
class ReadEndpointsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anEmployerReadsItsOwnRegistration() {
        String employer = registerEmployer("Tees Engineering", "Engineering", "SMALL");

        Reply reply = get("/api/v1/employers/" + employer, ISSUER.employer(employer));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().propertyNames()).containsExactlyInAnyOrder("employerId", "name", "sector", "size",
                "postcode", "district");
        assertThat(reply.text("employerId")).isEqualTo(employer);
        assertThat(reply.text("name")).isEqualTo("Tees Engineering");
        assertThat(reply.text("sector")).isEqualTo("Engineering");
        assertThat(reply.text("size")).isEqualTo("SMALL");
        assertThat(reply.text("postcode")).isEqualTo("TS17 6AB");
        assertThat(reply.text("district")).isEqualTo("TS17");
        String unregistered = "employer-not-registered-here";
        assertThat(get("/api/v1/employers/" + unregistered, ISSUER.employer(unregistered)).status()).isEqualTo(404);
    }

    @Test
    void anEmployersOffersShowTheSchoolsAnswersNewestFirst() {
        String school = newSchool();
        String accepted = shoutOut(school, "Mock interviews", ActivityType.MOCK_INTERVIEWS, List.of(), List.of(11),
                "2026-10-01", "2026-12-12", DeliveryMode.IN_PERSON, "Hall TS17 6AB");
        String declined = shoutOut(school, "CV workshop", ActivityType.CV_WORKSHOP, List.of(), List.of(11),
                "2026-10-01", "2026-12-12", DeliveryMode.IN_PERSON, null);
        String withdrawn = shoutOut(school, "Careers talk", ActivityType.CAREERS_TALK, List.of(), List.of(9),
                "2026-10-01", "2026-12-12", DeliveryMode.VIRTUAL, null);
        String legacy = shoutOut(school, "Workplace visit", ActivityType.WORKPLACE_VISIT, List.of(), List.of(10),
                "2026-10-01", "2026-12-12", DeliveryMode.IN_PERSON, null);
        List.of(accepted, declined, withdrawn, legacy).forEach(this::awaitOnBoard);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");

        String acceptedOffer = offer(employer, accepted, "2026-11-20");
        String declinedOffer = offer(employer, declined, "2026-11-21");
        String withdrawnOffer = offer(employer, withdrawn, "2026-11-22");
        String ownActivity = post("/api/v1/offers", Map.of("employerId", employer, "activityType", "CAREERS_FAIR",
                "title", "Finance careers fair", "date", "2027-03-01", "places", 200, "mode", "HYBRID"))
                .text("offerId");
        // An offer stored before its event carried the shout-out's title and activity, a day earlier.
        String legacyOffer = "offer-legacy-" + employer;
        eventStore.publish(new GenericDomainEventMessage<>("Offer", legacyOffer, 0, new EmployerOffered(legacyOffer,
                employer, legacy, school, LocalDate.parse("2026-11-23"), "", null, null, 30, DeliveryMode.IN_PERSON,
                null, NOW.minus(Duration.ofDays(1)))));

        schoolPublishes(accepted, new OfferAccepted(acceptedOffer, accepted, school, employer));
        schoolPublishes(declined, new OfferDeclined(declinedOffer, declined, school, employer,
                "A local volunteer is running it"));
        assertThat(post("/api/v1/offers/" + withdrawnOffer + "/withdraw", Map.of("reason", "Speaker unwell"))
                .status()).isEqualTo(200);

        JsonNode offers = awaitList("/api/v1/employers/" + employer + "/offers", ISSUER.employer(employer), list ->
                list.size() == 5 && status(list, acceptedOffer, "offerId").equals("ACCEPTED")
                        && status(list, declinedOffer, "offerId").equals("DECLINED"));
        Map<String, JsonNode> byId = byId(offers, "offerId");
        assertThat(status(offers, withdrawnOffer, "offerId")).isEqualTo("WITHDRAWN");
        assertThat(status(offers, ownActivity, "offerId")).isEqualTo("OFFERED");
        assertThat(byId.get(declinedOffer).path("reason").asString()).isEqualTo("A local volunteer is running it");
        assertThat(byId.get(withdrawnOffer).path("reason").asString()).isEqualTo("Speaker unwell");

        JsonNode interviews = byId.get(acceptedOffer);
        assertThat(interviews.propertyNames()).containsExactlyInAnyOrder("offerId", "shoutOutId", "schoolId",
                "schoolName", "title", "activityType", "proposedDate", "places", "mode", "message", "status",
                "reason", "offeredAt");
        assertThat(interviews.path("shoutOutId").asString()).isEqualTo(accepted);
        assertThat(interviews.path("schoolId").asString()).isEqualTo(school);
        assertThat(interviews.path("schoolName").asString()).isEqualTo("School " + school);
        assertThat(interviews.path("title").asString()).isEqualTo("Mock interviews");
        assertThat(interviews.path("activityType").asString()).isEqualTo("MOCK_INTERVIEWS");
        assertThat(interviews.path("proposedDate").asString()).isEqualTo("2026-11-20");
        assertThat(interviews.path("offeredAt").asString()).isEqualTo(NOW.toString());

        JsonNode fair = byId.get(ownActivity);
        assertThat(fair.path("shoutOutId").isNull()).isTrue();
        assertThat(fair.path("schoolId").isNull()).isTrue();
        assertThat(fair.path("schoolName").isNull()).isTrue();
        assertThat(fair.path("proposedDate").asString()).isEqualTo("2027-03-01");
        assertThat(fair.path("places").asInt()).isEqualTo(200);
        assertThat(fair.path("mode").asString()).isEqualTo("HYBRID");

        assertThat(byId.get(legacyOffer).path("title").asString()).isEqualTo("Workplace visit");
        assertThat(byId.get(legacyOffer).path("activityType").asString()).isEqualTo("WORKPLACE_VISIT");

        // Newest first, then by id: the four made "now" (the tests' fixed clock) by id, the older one last.
        List<String> made = new ArrayList<>(List.of(acceptedOffer, declinedOffer, withdrawnOffer, ownActivity));
        made.sort(Comparator.naturalOrder());
        made.add(legacyOffer);
        assertThat(field(offers, "offerId")).containsExactlyElementsOf(made);
    }

    @Test
    void anEmployersEncountersShowEveryStatusAndTheRegistersSizeButNoPupil() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String scheduled = scheduledEncounter(school, employer, "2026-11-20");
        String cancelled = scheduledEncounter(school, employer, "2026-11-25");
        assertThat(post("/api/v1/encounters/" + cancelled + "/cancel", Map.of("cancelledBy", "EMPLOYER",
                "reason", "Site closed")).status()).isEqualTo(200);
        String corrected = post("/api/v1/encounters", recording(school, employer, pupils)).text("encounterId");
        assertThat(put("/api/v1/encounters/" + corrected + "/attendees", Map.of("attendees", pupils.subList(0, 2),
                "reason", "One pupil was absent")).status()).isEqualTo(200);
        Map<String, Object> earlier = recording(school, employer, pupils);
        earlier.put("date", "2026-09-20");
        String withdrawn = post("/api/v1/encounters", earlier).text("encounterId");
        assertThat(post("/api/v1/encounters/" + withdrawn + "/withdraw", Map.of("reason", "Wrong employer"))
                .status()).isEqualTo(200);

        String path = "/api/v1/employers/" + employer + "/encounters";
        JsonNode list = awaitList(path, ISSUER.employer(employer), l -> l.size() == 4
                && status(l, cancelled, "encounterId").equals("CANCELLED")
                && status(l, withdrawn, "encounterId").equals("WITHDRAWN")
                && byId(l, "encounterId").get(corrected).path("attendeeCount").asInt() == 2);

        assertThat(field(list, "encounterId")).as("newest date first")
                .containsExactly(cancelled, scheduled, corrected, withdrawn);
        assertThat(status(list, scheduled, "encounterId")).isEqualTo("SCHEDULED");
        assertThat(status(list, corrected, "encounterId")).isEqualTo("RECORDED");
        JsonNode talk = byId(list, "encounterId").get(corrected);
        assertThat(talk.propertyNames()).containsExactlyInAnyOrder("encounterId", "schoolId", "schoolName",
                "activityType", "date", "hours", "mode", "location", "status", "attendeeCount", "shoutOutId",
                "offerId");
        assertThat(talk.path("schoolName").asString()).isEqualTo("School " + school);
        assertThat(talk.path("date").asString()).isEqualTo(HELD);
        assertThat(talk.path("hours").decimalValue()).isEqualByComparingTo("1.5");
        JsonNode visit = byId(list, "encounterId").get(scheduled);
        assertThat(visit.path("attendeeCount").asInt()).isZero();
        assertThat(visit.path("hours").isNull()).isTrue();
        assertThat(visit.path("offerId").asString()).isNotBlank();
        assertThat(list.toString()).doesNotContain(pupils);
    }

    @Test
    void aSchoolsEncountersCarryTheirEmployerAndFilterByAcademicYear() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        Map<String, Object> thisYear = recording(school, employer, pupils);
        thisYear.put("location", "Library");
        String talk = post("/api/v1/encounters", thisYear).text("encounterId");
        Map<String, Object> lastYear = recording(school, employer, pupils.subList(0, 1));
        lastYear.put("date", "2025-03-14");
        lastYear.put("checklist", Map.of("LEARNING_OUTCOMES", true, "TWO_WAY_INTERACTION", true));
        String old = post("/api/v1/encounters", lastYear).text("encounterId");
        String scheduled = scheduledEncounter(school, employer, "2026-11-20");
        String leader = ISSUER.careersLeader(school);
        String path = "/api/v1/schools/" + school + "/encounters";

        JsonNode all = awaitList(path, leader, l -> l.size() == 3);

        assertThat(field(all, "encounterId")).containsExactly(scheduled, talk, old);
        JsonNode recorded = byId(all, "encounterId").get(talk);
        assertThat(recorded.propertyNames()).containsExactlyInAnyOrder("encounterId", "employerId", "employerName",
                "sector", "employerSize", "activityType", "benchmarks", "date", "academicYear", "hours", "mode",
                "location", "curriculumArea", "status", "attendeeCount", "shoutOutId", "offerId");
        assertThat(recorded.path("employerName").asString()).isEqualTo("Big Bank");
        assertThat(recorded.path("sector").asString()).isEqualTo("Finance");
        assertThat(recorded.path("employerSize").asString()).isEqualTo("LARGE");
        assertThat(recorded.path("benchmarks").toString()).isEqualTo("[\"GB5\"]");
        assertThat(recorded.path("academicYear").asString()).isEqualTo("2026/27");
        assertThat(recorded.path("location").asString()).isEqualTo("Library");
        assertThat(recorded.path("attendeeCount").asInt()).isEqualTo(3);
        assertThat(recorded.path("status").asString()).isEqualTo("RECORDED");
        JsonNode planned = byId(all, "encounterId").get(scheduled);
        assertThat(planned.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(planned.path("sector").asString()).as("as registered, until recorded").isEqualTo("Finance");
        assertThat(planned.path("benchmarks").isEmpty()).isTrue();
        assertThat(all.toString()).doesNotContain(pupils);

        assertThat(field(get(path + "?academicYear=2026/27", leader).body(), "encounterId"))
                .containsExactly(scheduled, talk);
        assertThat(field(get(path + "?academicYear=2024-25", leader).body(), "encounterId")).containsExactly(old);
        assertThat(get(path + "?academicYear=2023/24", leader).body().isEmpty()).isTrue();
        Reply bad = get(path + "?academicYear=2026", leader);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).containsExactly("academicYear");
    }

    @Test
    void oneEncounterInFullForItsSchoolAndWithoutTheRegisterForItsEmployer() {
        String school = newSchool();
        List<String> pupils = enrol(school, 3);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String encounterId = post("/api/v1/encounters", recording(school, employer, pupils)).text("encounterId");
        String path = "/api/v1/encounters/" + encounterId;
        String leader = ISSUER.careersLeader(school);

        // Read from the encounter's own events, so each change shows at once.
        JsonNode recorded = get(path, leader).body();
        assertThat(recorded.path("status").asString()).isEqualTo("RECORDED");
        assertThat(field(recorded.path("attendees"))).containsExactlyElementsOf(pupils);

        put(path + "/attendees", Map.of("attendees", pupils.subList(0, 2), "reason", "One pupil was absent"));
        JsonNode corrected = get(path, leader).body();
        assertThat(field(corrected.path("attendees"))).containsExactlyElementsOf(pupils.subList(0, 2));
        assertThat(corrected.path("attendeeCount").asInt()).isEqualTo(2);

        post(path + "/meaningful-override", Map.of("benchmark", "GB5", "meaningful", false,
                "reason", "Pupils only listened"));
        post(path + "/withdraw", Map.of("reason", "Wrong employer"));
        Reply full = get(path, leader);

        assertThat(full.status()).isEqualTo(200);
        JsonNode body = full.body();
        assertThat(body.path("schoolId").asString()).isEqualTo(school);
        assertThat(body.path("schoolName").asString()).isEqualTo("School " + school);
        assertThat(body.path("employerId").asString()).isEqualTo(employer);
        assertThat(body.path("employerName").asString()).isEqualTo("Big Bank");
        assertThat(body.path("sector").asString()).isEqualTo("Finance");
        assertThat(body.path("employerSize").asString()).isEqualTo("LARGE");
        assertThat(body.path("activityType").asString()).isEqualTo("CAREERS_TALK");
        assertThat(body.path("benchmarks").toString()).isEqualTo("[\"GB5\"]");
        assertThat(body.path("date").asString()).isEqualTo(HELD);
        assertThat(body.path("academicYear").asString()).isEqualTo("2026/27");
        assertThat(body.path("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(body.path("mode").asString()).isEqualTo("IN_PERSON");
        assertThat(body.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(body.path("withdrawalReason").asString()).isEqualTo("Wrong employer");
        assertThat(body.path("checklist").path("REFLECTION").asBoolean()).isTrue();
        assertThat(body.path("framework").asString()).isEqualTo("V2024");
        assertThat(body.path("meaningful").path("GB5").asBoolean()).as("the override applies").isFalse();
        assertThat(body.path("overrides")).singleElement().satisfies(o -> {
            assertThat(o.path("benchmark").asString()).isEqualTo("GB5");
            assertThat(o.path("meaningful").asBoolean()).isFalse();
            assertThat(o.path("reason").asString()).isEqualTo("Pupils only listened");
        });
        assertThat(field(body.path("history"), "what")).containsExactly("RECORDED", "ATTENDANCE_CORRECTED",
                "MEANINGFULNESS_OVERRIDDEN", "WITHDRAWN");
        assertThat(body.path("history").get(1).path("reason").asString()).isEqualTo("One pupil was absent");
        assertThat(body.path("history").get(0).path("at").asString()).isEqualTo(NOW.toString());

        Reply employersView = get(path, ISSUER.employer(employer));
        assertThat(employersView.status()).isEqualTo(200);
        assertThat(employersView.body().path("attendees").isNull()).isTrue();
        assertThat(employersView.body().path("attendeeCount").asInt()).isEqualTo(2);
        assertThat(employersView.body().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(employersView.body().path("history").get(1).path("reason").isNull()).isTrue();
        assertThat(employersView.body().toString()).doesNotContain(pupils).doesNotContain("One pupil was absent");
    }

    @Test
    void aScheduledAndCancelledEncounterShowsWhoCancelledAndWhy() {
        String school = newSchool();
        String employer = registerEmployer("Chemicals Ltd", "Manufacturing", "MEDIUM");
        String encounterId = scheduledEncounter(school, employer, "2026-11-20");
        post("/api/v1/encounters/" + encounterId + "/cancel", Map.of("cancelledBy", "EMPLOYER",
                "reason", "Site closed for repairs"));

        JsonNode body = get("/api/v1/encounters/" + encounterId, ISSUER.careersLeader(school)).body();

        assertThat(body.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(body.path("attendees").isEmpty()).isTrue();
        assertThat(body.path("hours").isNull()).isTrue();
        assertThat(body.path("sector").asString()).as("as registered").isEqualTo("Manufacturing");
        assertThat(field(body.path("history"), "what")).containsExactly("SCHEDULED", "CANCELLED");
        assertThat(body.path("history").get(1).path("by").asString()).isEqualTo("EMPLOYER");
        assertThat(body.path("history").get(1).path("reason").asString()).isEqualTo("Site closed for repairs");
    }

    @Test
    void theBoardListsShoutOutsNearAPostcodeNearestFirst() {
        String school = newSchool();
        String thornaby = shoutOut(school, "Talk in Thornaby", ActivityType.CAREERS_TALK, List.of(), List.of(9),
                "2027-03-01", "2027-03-31", DeliveryMode.IN_PERSON, "Library, Thornaby TS17 6AB");
        String darlington = shoutOut(school, "Visit in Darlington", ActivityType.WORKPLACE_VISIT, List.of(),
                List.of(10), "2027-01-10", "2027-01-20", DeliveryMode.IN_PERSON, "Plant, DL1 5AB");
        String newcastle = shoutOut(school, "Tour in Newcastle", ActivityType.WORKPLACE_VISIT, List.of(), List.of(10),
                "2027-01-10", "2027-01-20", DeliveryMode.IN_PERSON, "Quayside, NE1 3AB");
        String online = shoutOut(school, "Online talk", ActivityType.CAREERS_TALK, List.of(), List.of(9),
                "2027-01-10", "2027-01-20", DeliveryMode.VIRTUAL, null);
        List.of(thornaby, darlington, newcastle, online).forEach(this::awaitOnBoard);

        assertThat(entries(get("/api/v1/shout-outs?status=OPEN")))
                .allSatisfy(entry -> assertThat(entry.path("distanceMiles").isNull()).isTrue());

        JsonNode near = get("/api/v1/shout-outs?near=TS17 6AB");
        assertThat(ids(near)).contains(thornaby).doesNotContain(darlington, newcastle, online);
        assertThat(byId(near, "shoutOutId").get(thornaby).path("distanceMiles").asDouble()).isZero();

        JsonNode wider = get("/api/v1/shout-outs?near=ts17&withinMiles=30");
        assertThat(ids(wider)).contains(thornaby, darlington).doesNotContain(newcastle, online);
        assertThat(ids(wider).indexOf(thornaby)).isLessThan(ids(wider).indexOf(darlington));
        assertThat(byId(wider, "shoutOutId").get(darlington).path("distanceMiles").asDouble()).isEqualTo(23.8);
        assertThat(entries(wider).stream().map(e -> e.path("distanceMiles").asDouble()).toList())
                .as("nearest first").isSorted().allSatisfy(miles -> assertThat(miles).isLessThanOrEqualTo(30));
        assertThat(ids(get("/api/v1/shout-outs?near=TS&withinMiles=40"))).contains(thornaby, darlington, newcastle);

        String employer = ISSUER.employer("browsing");
        Reply malformed = get("/api/v1/shout-outs?near=Middlesbrough", employer);
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.errorFields()).containsExactly("near");
        Reply unknown = get("/api/v1/shout-outs?near=XX1 1AA", employer);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("near");
        assertThat(unknown.text("detail")).contains("XX").contains("check the postcode");
        Reply badRadius = get("/api/v1/shout-outs?near=TS17&withinMiles=-1", employer);
        assertThat(badRadius.status()).isEqualTo(422);
        assertThat(badRadius.errorFields()).containsExactly("withinMiles");
    }

    @Test
    void theListsAreRebuiltFromTheEventStoreOnAFreshStart() {
        String school = newSchool();
        List<String> pupils = enrol(school, 2);
        String employer = registerEmployer("Big Bank", "Finance", "LARGE");
        String scheduled = scheduledEncounter(school, employer, "2026-11-20");
        String recorded = post("/api/v1/encounters", recording(school, employer, pupils)).text("encounterId");
        put("/api/v1/encounters/" + recorded + "/attendees", Map.of("attendees", pupils.subList(0, 1),
                "reason", "One pupil was absent"));
        String offers = "/api/v1/employers/" + employer + "/offers";
        String encounters = "/api/v1/schools/" + school + "/encounters";
        JsonNode offersBefore = awaitList(offers, ISSUER.employer(employer), l -> l.size() == 1
                && status(l, l.get(0).path("offerId").asString(), "offerId").equals("ACCEPTED"));
        JsonNode encountersBefore = awaitList(encounters, ISSUER.careersLeader(school), l -> l.size() == 2
                && byId(l, "encounterId").get(recorded).path("attendeeCount").asInt() == 1);
        assertThat(field(encountersBefore, "encounterId")).containsExactly(scheduled, recorded);

        // As on a fresh database: no read documents and no token, so the processor starts from the first event.
        StreamingEventProcessor processor = processing.eventProcessor("encounter-reads", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        for (String collection : List.of("reads_offers", "reads_encounters", "reads_parties", "reads_employers")) {
            database.getCollection(collection).drop();
        }
        processor.resetTokens();
        processor.start();

        assertThat(awaitList(offers, ISSUER.employer(employer), l -> l.equals(offersBefore))).isEqualTo(offersBefore);
        assertThat(awaitList(encounters, ISSUER.careersLeader(school), l -> l.equals(encountersBefore)))
                .isEqualTo(encountersBefore);
    }

    @Test
    void theOpenApiDocumentNamesTheReadEndpoints() {
        String document = http.get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(document).contains("\"/api/v1/employers/{employerId}\"", "\"/api/v1/employers/{employerId}/offers\"",
                "\"/api/v1/employers/{employerId}/encounters\"", "\"/api/v1/schools/{schoolId}/encounters\"",
                "\"/api/v1/encounters/{encounterId}\"", "\"near\"", "\"withinMiles\"");
    }

    // --- helpers

    private String offer(String employer, String shoutOutId, String proposedDate) {
        Reply reply = post(offers(shoutOutId), Map.of("employerId", employer, "proposedDate", proposedDate));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("offerId");
    }

    /** An encounter scheduled the way it happens: the employer offers, the school accepts in school-service. */
    private String scheduledEncounter(String school, String employer, String date) {
        String shoutOutId = shoutOut(school, "Workplace visit", ActivityType.WORKPLACE_VISIT, List.of(), List.of(10),
                "2026-10-01", "2026-12-12", DeliveryMode.IN_PERSON, "Plant, TS2 1AA");
        awaitOnBoard(shoutOutId);
        String offerId = offer(employer, shoutOutId, date);
        schoolPublishes(shoutOutId, new OfferAccepted(offerId, shoutOutId, school, employer));
        String encounterId = EncounterIds.forOffer(offerId, school);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventStore.readEvents(encounterId).hasNext());
        return encounterId;
    }

    private JsonNode awaitList(String path, String token, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Reply reply = get(path, token);
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            last[0] = reply.body();
            return done.test(last[0]);
        });
        return last[0];
    }

    private static List<JsonNode> entries(JsonNode list) {
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        return entries;
    }

    private static Map<String, JsonNode> byId(JsonNode list, String idField) {
        Map<String, JsonNode> byId = new HashMap<>();
        list.forEach(entry -> byId.put(entry.path(idField).asString(), entry));
        return byId;
    }

    private static String status(JsonNode list, String id, String idField) {
        JsonNode entry = byId(list, idField).get(id);
        return entry == null ? "" : entry.path("status").asString();
    }

    private static List<String> field(JsonNode list, String name) {
        return entries(list).stream().map(e -> e.path(name).asString()).toList();
    }

    private static List<String> field(JsonNode values) {
        return entries(values).stream().map(JsonNode::asString).toList();
    }
}
