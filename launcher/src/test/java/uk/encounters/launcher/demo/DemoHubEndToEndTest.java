package uk.encounters.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.infra.Infrastructure;
import uk.encounters.launcher.Platform;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.SharedPlatform;

/**
 * A small demo hub (an 11-18 school and a college, about 150 pupils, 10 employers) loaded into the three services
 * through their HTTP APIs, then checked through the same APIs and on the {@code encounter.events} topic: rolls,
 * shout-outs with offers in every state, encounters under both framework versions with corrections, overrides and a
 * withdrawal, unmet demand in the hub coordinator's view.
 */
class DemoHubEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DemoTokens TOKENS = SharedPlatform.tokens();

    private static Platform platform;
    private static DemoPlan plan;
    private static DemoHubReport report;

    @BeforeAll
    static void startPlatformAndLoadTheDemoHub() {
        platform = SharedPlatform.get();
        // A prefix of its own, so that a rerun against long-lived external servers does not meet an earlier run.
        String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        plan = DemoPlan.generate(7, DemoSize.small(), LocalDate.now(ZoneId.of("Europe/London")), prefix);
        report = DemoHub.load(new DemoTarget(platform.baseUrl(Service.SCHOOL), platform.baseUrl(Service.ENCOUNTER),
                platform.baseUrl(Service.REPORTING)), SharedPlatform.tokens(), plan, DemoHub.DEFAULT_THREADS,
                System.out);
        report.print(System.out);
    }

    @Test
    void everyYearsRollIsUploadedWithItsPupils() throws Exception {
        assertThat(plan.schools()).extracting(SchoolPlan::type).map(Enum::name).contains("SCHOOL", "COLLEGE");
        assertThat(plan.rollYears()).hasSize(3);
        for (SchoolPlan school : plan.schools()) {
            for (int year : plan.rollYears()) {
                JsonNode pupils = get(Service.SCHOOL, TOKENS.careersLeader(plan.hubId(), school.schoolId()),
                        "/api/v1/schools/" + school.schoolId() + "/pupils?includeLeavers=true&academicYear="
                                + AcademicYears.of(year).replace('/', '-'));
                assertThat(pupils.size()).as(school.name() + " in " + year).isEqualTo(school.roll(year).size());
                Set<Integer> yearGroups = new HashSet<>();
                pupils.forEach(p -> yearGroups.add(p.get("yearGroup").asInt()));
                assertThat(yearGroups).containsExactlyInAnyOrderElementsOf(school.yearGroups());
            }
        }
        assertThat(report.pupils()).isBetween(120, 180);
    }

    /**
     * The figures a coordinator and the careers leaders are served for last year's 31 July census and for today:
     * every measure has pupils on roll where the school teaches its year group (last year's leavers included),
     * percentages are neither all 0 nor all 100, and the hub's shares of schools fully achieving GB5 and GB6 lie
     * strictly between, as the plan meant them to.
     */
    @Test
    void theServedFiguresArePlausibleForLastYearsCensusAndToday() throws Exception {
        int currentStart = SchoolCalendar.academicYearStart(plan.today());
        String lastYear = AcademicYears.of(currentStart - 1);
        LocalDate census = LocalDate.of(currentStart, 7, 31);
        String coordinator = TOKENS.hubCoordinator(plan.hubId());
        // Reporting reads the encounters from Kafka after the load has recorded them.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode hub = get(Service.REPORTING, coordinator, "/api/v1/hubs/" + plan.hubId()
                    + "/coverage?academicYear=" + lastYear + "&asOf=" + census);
            assertThat(hub.get("schoolsFullyAchievingGb5Percent").decimalValue())
                    .isEqualByComparingTo(plannedShare(census, true));
            assertThat(hub.get("schoolsFullyAchievingGb6Percent").decimalValue())
                    .isEqualByComparingTo(plannedShare(census, false));
        });
        JsonNode hub = get(Service.REPORTING, coordinator, "/api/v1/hubs/" + plan.hubId()
                + "/coverage?academicYear=" + lastYear + "&asOf=" + census);
        System.out.println("Hub coverage " + lastYear + " at " + census + ": " + hub);
        assertThat(hub.get("schoolsFullyAchievingGb5Percent").doubleValue()).isStrictlyBetween(0.0, 100.0);
        assertThat(hub.get("schoolsFullyAchievingGb6Percent").doubleValue()).isStrictlyBetween(0.0, 100.0);
        assertPlausible(hub.get("schools"));

        JsonNode now = get(Service.REPORTING, coordinator, "/api/v1/hubs/" + plan.hubId() + "/coverage");
        System.out.println("Hub coverage today: " + now);
        assertPlausible(now.get("schools"));

        for (SchoolPlan school : plan.schools()) {
            String leader = TOKENS.careersLeader(plan.hubId(), school.schoolId());
            for (String query : List.of("?academicYear=" + lastYear + "&asOf=" + census, "")) {
                LocalDate asOf = query.isEmpty() ? plan.today() : census;
                JsonNode figures = get(Service.REPORTING, leader,
                        "/api/v1/schools/" + school.schoolId() + "/coverage" + query);
                for (JsonNode year : figures.get("yearGroups")) {
                    int group = year.get("yearGroup").asInt();
                    if (group == 11 || group == 13) {
                        JsonNode measure = year.get(group == 11 ? "gb6By16" : "gb6By18");
                        if (!(school.isCollege() && group == 11)) {
                            assertThat(measure.get("onRoll").asInt()).as(school.name() + " Year " + group + query)
                                    .isPositive();
                        }
                    }
                }
                // Exactly the plan's figures at the census (the plan's reckoning skips a college's curriculum
                // link, and today's figures include the encounters the load records today besides the plan's).
                if (!school.isCollege() && !query.isEmpty()) {
                    double planned = 100 * PlannedCoverage.gb5(plan, school, asOf);
                    assertThat(figures.get("gb5").get("percent").doubleValue()).as(school.name() + " GB5" + query)
                            .isCloseTo(planned, Offset.offset(0.051));
                    double by16 = 100 * PlannedCoverage.gb6(plan, school, 11, asOf);
                    assertThat(figures.get("gb6By16").get("percent").doubleValue()).as(school.name() + " GB6" + query)
                            .isCloseTo(by16, Offset.offset(0.051));
                }
            }
        }
    }

    /** Every school teaching Year 11 (13) has pupils in its GB6 by 16 (by 18) measure; percentages vary. */
    private void assertPlausible(JsonNode schools) {
        Set<Double> percents = new HashSet<>();
        for (SchoolPlan school : plan.schools()) {
            JsonNode figures = null;
            for (JsonNode s : schools) {
                if (s.get("schoolId").asString().equals(school.schoolId())) {
                    figures = s;
                }
            }
            assertThat(figures).as(school.name()).isNotNull();
            assertThat(figures.get("gb5").get("onRoll").asInt()).isPositive();
            percents.add(figures.get("gb5").get("percent").doubleValue());
            if (school.yearGroups().contains(11)) {
                assertThat(figures.get("gb6By16").get("onRoll").asInt()).as(school.name() + " by 16").isPositive();
                percents.add(figures.get("gb6By16").get("percent").doubleValue());
            }
            if (school.yearGroups().contains(13)) {
                assertThat(figures.get("gb6By18").get("onRoll").asInt()).as(school.name() + " by 18").isPositive();
                percents.add(figures.get("gb6By18").get("percent").doubleValue());
            }
        }
        assertThat(percents).as("not all 0%").anyMatch(p -> p > 0).as("not all 100%").anyMatch(p -> p < 100);
    }

    /** The plan's share of schools fully achieving the benchmark on the date, as reporting rounds it. */
    private static BigDecimal plannedShare(LocalDate asOf, boolean gb5) {
        long achieving = plan.schools().stream().filter(s -> gb5 ? PlannedCoverage.fullyAchievesGb5(plan, s, asOf)
                : PlannedCoverage.fullyAchievesGb6(plan, s, asOf)).count();
        return BigDecimal.valueOf(1000 * achieving).divide(BigDecimal.valueOf(plan.schools().size()), 0,
                RoundingMode.HALF_UP).movePointLeft(1);
    }

    @Test
    void shoutOutsHaveOffersInEveryStateAndSomeNoneAtAll() {
        // The schools' view follows the commands by milliseconds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> shoutOutStatuses = new HashSet<>();
            Set<String> offerStatuses = new HashSet<>();
            int withoutOffers = 0;
            for (SchoolPlan school : plan.schools()) {
                for (JsonNode s : get(Service.SCHOOL, TOKENS.careersLeader(plan.hubId(), school.schoolId()),
                        "/api/v1/schools/" + school.schoolId() + "/shout-outs")) {
                    shoutOutStatuses.add(s.get("status").asString());
                    s.get("offers").forEach(o -> offerStatuses.add(o.get("status").asString()));
                    withoutOffers += s.get("offers").isEmpty() ? 1 : 0;
                }
            }
            assertThat(shoutOutStatuses).contains("OPEN", "FILLED", "WITHDRAWN");
            assertThat(offerStatuses).contains("PENDING", "ACCEPTED", "DECLINED");
            assertThat(withoutOffers).isPositive();
        });
    }

    @Test
    void unmetDemandShowsInTheHubCoordinatorsView() throws Exception {
        JsonNode open = get(Service.REPORTING, TOKENS.hubCoordinator(plan.hubId()),
                "/api/v1/hubs/" + plan.hubId() + "/shout-outs?status=OPEN");
        List<Integer> offerCounts = new ArrayList<>();
        open.forEach(s -> offerCounts.add(s.get("offerCount").asInt()));
        assertThat(offerCounts).contains(0).anyMatch(count -> count > 0);
        JsonNode board = get(Service.ENCOUNTER, TOKENS.employer(plan.employers().getFirst().employerId()),
                "/api/v1/shout-outs?status=OPEN");
        Set<String> onBoard = new HashSet<>();
        board.forEach(s -> onBoard.add(s.get("shoutOutId").asString()));
        open.forEach(s -> assertThat(onBoard).contains(s.get("shoutOutId").asString()));
    }

    @Test
    void encountersAreRecordedUnderBothFrameworksAndCorrectedOverriddenAndWithdrawn() {
        Set<String> schools = new HashSet<>();
        plan.schools().forEach(s -> schools.add(s.schoolId()));
        int recorded = report.encounters();
        Map<String, Integer> types = new HashMap<>();
        Set<String> frameworks = new HashSet<>();
        Set<String> academicYears = new HashSet<>();
        Set<String> withOffers = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", Infrastructure.forTests().kafkaBootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor("encounter.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode body = JSON.readTree(record.value());
                    if (!schools.contains(body.path("schoolId").asString(""))) {
                        continue;
                    }
                    String type = new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8);
                    types.merge(type, 1, Integer::sum);
                    if (type.equals("encounter.EncounterRecorded.v1")) {
                        frameworks.add(body.get("framework").asString());
                        academicYears.add(body.get("academicYear").asString());
                        if (!body.path("offerId").isNull() && !body.path("offerId").isMissingNode()) {
                            withOffers.add(body.get("encounterId").asString());
                        }
                    }
                }
                return types.getOrDefault("encounter.EncounterRecorded.v1", 0) >= recorded
                        && types.containsKey("encounter.EncounterWithdrawn.v1");
            });
        }
        assertThat(types.get("encounter.EncounterRecorded.v1")).isEqualTo(recorded);
        assertThat(frameworks).containsExactlyInAnyOrder("V2014", "V2024");
        assertThat(academicYears).hasSizeGreaterThanOrEqualTo(3);
        assertThat(types).containsKeys("encounter.AttendanceCorrected.v1", "encounter.MeaningfulnessOverridden.v1",
                "encounter.EncounterWithdrawn.v1");
        assertThat(withOffers).as("encounters recorded against an accepted offer and an own activity").hasSize(2);
    }

    /**
     * A sample of docs/access.md with the demo's own accounts (identity-service's tokens): each reads what it may,
     * and another hub's or school's data answers 404, a role an endpoint is not for 403. The services' access tests
     * run the whole matrix.
     */
    @Test
    void theDemoAccountsReadTheirOwnAndAreRefusedElsewhere() throws Exception {
        String admin = TOKENS.admin();
        String leader = TOKENS.careersLeader(plan.hubId(), plan.schools().getFirst().schoolId());
        String coordinator = TOKENS.hubCoordinator(plan.hubId());
        String employer = TOKENS.employer(plan.employers().getFirst().employerId());
        String school = plan.schools().getFirst().schoolId();
        String otherHub = post(Service.SCHOOL, admin, "/api/v1/hubs", Map.of("name", "Another Careers Hub"))
                .get("hubId").asString();
        String otherSchool = post(Service.SCHOOL, admin, "/api/v1/schools", Map.of("urn",
                String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999)), "name", "Elsewhere School",
                "type", "SCHOOL", "hubId", otherHub)).get("schoolId").asString();
        String pupilId = get(Service.SCHOOL, leader, "/api/v1/schools/" + school + "/pupils").get(0).get("pupilId")
                .asString();

        assertThat(status(Service.REPORTING, leader, "/api/v1/pupils/" + pupilId + "/coverage")).isEqualTo(200);
        assertThat(status(Service.REPORTING, leader, "/api/v1/schools/" + school + "/at-risk?measure=GB6_BY_16"))
                .isEqualTo(200);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/schools/" + school + "/coverage")).isEqualTo(200);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/hubs/" + plan.hubId() + "/coverage"))
                .isEqualTo(200);
        assertThat(status(Service.ENCOUNTER, employer, "/api/v1/shout-outs?status=OPEN")).isEqualTo(200);

        assertThat(status(Service.SCHOOL, leader, "/api/v1/schools/" + otherSchool + "/pupils")).as("another school")
                .isEqualTo(404);
        assertThat(status(Service.SCHOOL, leader, "/api/v1/schools/" + otherSchool + "/shout-outs"))
                .as("another school").isEqualTo(404);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/hubs/" + otherHub + "/coverage"))
                .as("another hub").isEqualTo(404);
        assertThat(status(Service.SCHOOL, coordinator, "/api/v1/schools/" + otherSchool + "/shout-outs"))
                .as("a school of another hub").isEqualTo(404);
        assertThat(status(Service.REPORTING, coordinator, "/api/v1/schools/" + school + "/at-risk?measure=GB5"))
                .as("pupil ids are for the school's staff").isEqualTo(403);
        assertThat(status(Service.REPORTING, employer, "/api/v1/pupils/" + pupilId + "/coverage"))
                .as("an employer and a pupil's coverage").isEqualTo(403);
        assertThat(status(Service.REPORTING, admin, "/api/v1/hubs/" + plan.hubId() + "/coverage"))
                .as("admins manage hubs and accounts only").isEqualTo(403);
        assertThat(status(Service.REPORTING, null, "/api/v1/hubs/" + plan.hubId() + "/coverage")).isEqualTo(401);
    }

    private static JsonNode post(Service service, String token, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(platform.baseUrl(service).resolve(path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static int status(Service service, String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.baseUrl(service).resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode get(Service service, String token, String path) throws IOException, InterruptedException {
        URI uri = platform.baseUrl(service).resolve(path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
