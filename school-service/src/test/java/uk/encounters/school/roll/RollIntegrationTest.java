package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.infra.Infrastructure;
import uk.encounters.school.Bearer;
import uk.encounters.platform.messaging.EventHeaders;
import uk.encounters.school.roll.RollFiles.Row;

/** The roll through the HTTP API, the event store, the read model and Kafka, on real (embedded) servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RollIntegrationTest {

    private static final Infrastructure INFRA = Infrastructure.forTests();
    private static final String TOPIC = "school.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Bearer.trustTestIssuer(registry);
        INFRA.springProperties("school-roll-it-" + UUID.randomUUID()).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStore eventStore;
    @Autowired
    AcademicYearRollover rollover;

    private final Bearer bearer = new Bearer();
    private RestClient http;
    private KafkaConsumer<String, byte[]> consumer;
    private final LocalDate today = LocalDate.now(RollUploads.SCHOOL_ZONE);
    private final String year = AcademicYears.containing(today);
    private final String nextYear = AcademicYears.of(AcademicYears.startYear(year) + 1);
    private final long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) / 1000 * 1000;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(bearer).build();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        consumer = new KafkaConsumer<>(properties, new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    private Row pupil(int n, int yearGroup) {
        return Row.pupil(seed + n, yearGroup);
    }

    @Test
    void uploadsEnrolJoinersRecordLeaversAndChangesAndTheRollReadsBack() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        Row amira = pupil(1, 7);
        Row ben = pupil(2, 9);
        Row cat = pupil(3, 11);

        assertThat(upload(schoolId, year, List.of(amira, ben, cat))).isEqualTo(counts(3, 0, 0, 0));
        List<Map<String, Object>> first = awaitRoll(schoolId, 3);
        assertThat(first).extracting(p -> p.get("upn")).containsExactlyInAnyOrder(amira.upn(), ben.upn(), cat.upn());
        Map<String, Object> amiraBefore = byUpn(first, amira.upn());
        assertThat(amiraBefore).containsEntry("forename", amira.forename()).containsEntry("yearGroup", 7)
                .containsEntry("sen", "NONE").containsEntry("gender", amira.gender().equals("F") ? "FEMALE" : "MALE")
                .containsEntry("dateOfBirth", amira.dateOfBirth().toString());

        Row dan = pupil(4, 8);
        Row benChanged = ben.withSen("E").named("Benedict", ben.surname());
        Map<String, Object> second = upload(schoolId, year.replace('/', '-'), List.of(amira, benChanged, dan));

        assertThat(second).isEqualTo(counts(1, 1, 1, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> roll = pupils(schoolId, "");
            assertThat(roll).extracting(p -> p.get("upn")).containsExactlyInAnyOrder(amira.upn(), ben.upn(), dan.upn());
            assertThat(byUpn(roll, ben.upn())).containsEntry("sen", "EHC_PLAN").containsEntry("forename", "Benedict");
        });
        List<Map<String, Object>> withLeavers = pupils(schoolId, "?includeLeavers=true&academicYear=" + year);
        assertThat(byUpn(withLeavers, cat.upn())).containsEntry("leavingDate", today.toString());
        assertThat(byUpn(withLeavers, amira.upn()).get("pupilId")).as("ids are stable across uploads")
                .isEqualTo(amiraBefore.get("pupilId"));

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(schoolId, records ->
                assertThat(types(records)).filteredOn(t -> t.startsWith("school.Pupil")).hasSize(6));
        assertThat(types(published).stream().filter(t -> t.startsWith("school.Pupil")).toList()).containsExactly(
                "school.PupilEnrolled.v1", "school.PupilEnrolled.v1", "school.PupilEnrolled.v1",
                "school.PupilDetailsChanged.v1", "school.PupilEnrolled.v1", "school.PupilLeft.v1");
        ConsumerRecord<String, byte[]> left = published.stream()
                .filter(r -> header(r, EventHeaders.TYPE).equals("school.PupilLeft.v1")).findFirst().orElseThrow();
        assertThat(left.key()).isEqualTo(schoolId);
        assertThat(header(left, EventHeaders.ACTING_USER)).as("the token's account id")
                .isEqualTo("acc-careers-leader-" + schoolId);
        assertThat(json(left)).containsEntry("leavingDate", today.toString()).containsEntry("academicYear", year);
    }

    @Test
    void theRollKeepsOneYearGroupAndFlagsLeaversAsNoLongerOnRoll() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        Row amira = pupil(1, 9);
        Row ben = pupil(2, 9);
        Row cat = pupil(3, 11);
        Row dan = pupil(4, 7);
        upload(schoolId, year, List.of(amira, ben, cat, dan));
        upload(schoolId, year, List.of(amira, ben, dan)); // Cat has left
        awaitRoll(schoolId, 3);

        List<Map<String, Object>> year9 = pupils(schoolId, "?yearGroup=9");
        assertThat(year9).extracting(p -> p.get("upn")).containsExactlyInAnyOrder(amira.upn(), ben.upn());
        assertThat(byUpn(year9, amira.upn())).containsKeys("pupilId").containsEntry("forename", amira.forename())
                .containsEntry("surname", amira.surname()).containsEntry("yearGroup", 9)
                .containsEntry("onRoll", true).containsEntry("leavingDate", null);
        assertThat(pupils(schoolId, "?yearGroup=11")).as("leavers are left out by default").isEmpty();
        assertThat(pupils(schoolId, "?yearGroup=11&includeLeavers=true&academicYear=" + year.replace('/', '-')))
                .singleElement().satisfies(leaver -> assertThat(leaver).containsEntry("upn", cat.upn())
                        .containsEntry("onRoll", false).containsEntry("leavingDate", today.toString()));
        assertThat(pupils(schoolId, "?includeLeavers=true")).extracting(p -> p.get("onRoll"))
                .containsExactly(true, true, true, false); // by year group: 7, 9, 9, 11

        Response outOfRange = get(schoolId, "?yearGroup=14");
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(errorFields(outOfRange.body())).containsExactly("yearGroup");
        Response notANumber = get(schoolId, "?yearGroup=eleven");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).isEqualTo("application/problem+json");
        assertThat(notANumber.body()).contains("yearGroup");
    }

    @Test
    void reUploadingTheSameFileChangesNothingAndPublishesNothing() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        List<Row> rows = IntStream.range(0, 20).mapToObj(n -> pupil(n, 7 + n % 5)).toList();
        upload(schoolId, year, rows);
        awaitRecords(schoolId, records -> assertThat(types(records)).filteredOn(t -> t.equals("school.PupilEnrolled.v1"))
                .hasSize(20));
        long sequenceBefore = eventStore.lastSequenceNumberFor(Roll.idOf(schoolId)).orElseThrow();

        assertThat(upload(schoolId, year, rows)).isEqualTo(counts(0, 0, 0, 20));

        assertThat(eventStore.lastSequenceNumberFor(Roll.idOf(schoolId))).contains(sequenceBefore);
        // Records of one school share a partition in order, so once a later marker is published, anything the
        // re-upload had caused would be there already.
        // The consumer carries on from after the first upload's records.
        postShoutOut(schoolId);
        List<ConsumerRecord<String, byte[]>> published = awaitRecords(schoolId, records ->
                assertThat(types(records)).contains("school.ShoutOutPosted.v1"));
        assertThat(types(published)).filteredOn(t -> t.startsWith("school.Pupil")).isEmpty();
    }

    @Test
    void aRejectedFileNamesItsBadLinesAndLeavesTheRollUntouched() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        Row amira = pupil(1, 7);
        upload(schoolId, year, List.of(amira));
        awaitRoll(schoolId, 1);
        long sequenceBefore = eventStore.lastSequenceNumberFor(Roll.idOf(schoolId)).orElseThrow();
        String digits = amira.upn().substring(1).replace('0', '1');
        String badUpn = (Upns.checkLetter("?" + digits) == 'A' ? "B" : "A") + digits;
        String file = RollFiles.HEADER + "\n"
                + pupil(5, 8).csv() + "\n"                                         // a valid joiner (line 2)
                + badUpn + ",Eve,Stone,2014-04-04,7,F,N,N,2026-09-03,\n"             // line 3
                + amira.named("Amiraa", amira.surname()).csv() + "\n"                 // a valid correction (line 4)
                + pupil(6, 12).csv() + "\n"                                         // line 5: not taught
                + pupil(7, 9).csv().replace(",N,", ",Q,") + "\n";                  // line 6: bad SEN

        var response = put(schoolId, year, file.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(errorFields(response.body())).contains("line 5: YearGroup", "line 6: SEN")
                .anyMatch(field -> field.equals("line 3: UPN"));
        assertThat(eventStore.lastSequenceNumberFor(Roll.idOf(schoolId))).contains(sequenceBefore);
        assertThat(database.getCollection(PupilRecords.COLLECTION).find(new Document("schoolId", schoolId))
                .map(d -> d.getString("forename")).into(new ArrayList<>())).containsExactly(amira.forename());
        assertThat(pupils(schoolId, "")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("forename", amira.forename()));
    }

    @Test
    void anUploadForAnUnknownSchoolIsNotFoundAndASemicolonFileIsExplained() {
        assertThat(put("no-such-school", year, RollFiles.bytes(List.of(pupil(1, 7)))).status()).isEqualTo(404);

        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        var response = put(schoolId, year, RollFiles.csv(List.of(pupil(1, 7))).replace(',', ';')
                .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("separated by semicolons", "\"field\":\"line 1\"");
    }

    @Test
    void onTheFirstOfSeptemberPupilsMoveUpAndTheFinalYearLeaves() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        Row year7 = pupil(1, 7);
        Row year11 = pupil(2, 11);
        Row year9 = pupil(3, 9);
        upload(schoolId, year, List.of(year7, year11, year9));
        awaitRoll(schoolId, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("rolls")
                .find(new Document("_id", schoolId)).first() != null);

        assertThat(rollover.startAcademicYearOn(AcademicYears.firstDay(nextYear))).isPositive();

        long sequenceAfterRollover = eventStore.lastSequenceNumberFor(Roll.idOf(schoolId)).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> roll = pupils(schoolId, "");
            assertThat(roll).extracting(p -> p.get("upn") + "=" + p.get("yearGroup"))
                    .containsExactlyInAnyOrder(year7.upn() + "=8", year9.upn() + "=10");
            assertThat(roll).allSatisfy(p -> assertThat(p).containsEntry("academicYear", nextYear));
        });
        Map<String, Object> leaver = byUpn(pupils(schoolId, "?includeLeavers=true&academicYear=" + year), year11.upn());
        assertThat(leaver).containsEntry("leavingDate", AcademicYears.lastDay(year).toString())
                .containsEntry("yearGroup", 11);
        List<ConsumerRecord<String, byte[]>> published = awaitRecords(schoolId, records ->
                assertThat(types(records)).contains("school.PupilLeft.v1"));
        ConsumerRecord<String, byte[]> left = published.stream()
                .filter(r -> header(r, EventHeaders.TYPE).equals("school.PupilLeft.v1")).findFirst().orElseThrow();
        assertThat(json(left)).containsEntry("pupilId", leaver.get("pupilId"))
                .containsEntry("leavingDate", AcademicYears.lastDay(year).toString()).containsEntry("academicYear", year);
        assertThat(header(left, EventHeaders.ACTING_USER)).isEqualTo("system");

        rollover.startAcademicYearOn(AcademicYears.firstDay(nextYear).plusDays(1));
        assertThat(eventStore.lastSequenceNumberFor(Roll.idOf(schoolId))).as("a second run does nothing")
                .contains(sequenceAfterRollover);

        // The new year's upload: Year 9 left over the summer, a new Year 7 joined.
        Row newYear7 = pupil(4, 7);
        assertThat(upload(schoolId, nextYear, List.of(year7.inYear(8), newYear7))).isEqualTo(counts(1, 1, 0, 1));
    }

    @Test
    void aNewSchoolBringsTwoPastYearsThenThisOneAndPastLeaversLeftWhenTheirYearEnded() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        String twoYearsAgo = AcademicYears.of(AcademicYears.startYear(year) - 2);
        String lastYear = AcademicYears.of(AcademicYears.startYear(year) - 1);
        LocalDate endOfTwoYearsAgo = AcademicYears.lastDay(twoYearsAgo);
        LocalDate marchTwoYearsAgo = AcademicYears.firstDay(twoYearsAgo).plusMonths(6).plusDays(13);
        Row amira = pupil(1, 9);
        Row ben = pupil(2, 10);
        Row cat = pupil(3, 11);
        Row dan = pupil(4, 8).leaving(marchTwoYearsAgo);
        Row eve = pupil(5, 7);
        Row finn = pupil(6, 7);

        assertThat(upload(schoolId, twoYearsAgo, List.of(amira, ben, cat, dan))).isEqualTo(counts(4, 1, 0, 0));
        // Last year's roll: Cat finished Year 11, Ben left over that summer, Eve joined Year 7.
        assertThat(upload(schoolId, lastYear, List.of(amira.inYear(10), eve))).isEqualTo(counts(1, 1, 0, 1));
        assertThat(upload(schoolId, year, List.of(amira.inYear(11), eve.inYear(8), finn)))
                .isEqualTo(counts(1, 0, 0, 2));

        Response refused = put(schoolId, lastYear, RollFiles.bytes(List.of(amira.inYear(10))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorFields(refused.body())).containsExactly("academicYear");
        assertThat(refused.body()).contains("This school's roll has started and is in " + year
                + "; it only moves forward. Upload the roll of " + year + " or " + nextYear + ".");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pupils(schoolId, ""))
                .extracting(p -> p.get("upn") + "=" + p.get("yearGroup") + " " + p.get("academicYear"))
                .containsExactlyInAnyOrder(amira.upn() + "=11 " + year, eve.upn() + "=8 " + year,
                        finn.upn() + "=7 " + year));
        List<Map<String, Object>> firstYear = pupils(schoolId, "?includeLeavers=true&academicYear=" + twoYearsAgo);
        assertThat(byUpn(firstYear, cat.upn())).containsEntry("leavingDate", endOfTwoYearsAgo.toString())
                .containsEntry("yearGroup", 11);
        assertThat(byUpn(firstYear, dan.upn())).containsEntry("leavingDate", marchTwoYearsAgo.toString());
        assertThat(byUpn(pupils(schoolId, "?includeLeavers=true&academicYear=" + lastYear), ben.upn()))
                .containsEntry("leavingDate", endOfTwoYearsAgo.toString()).containsEntry("onRoll", false);

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(schoolId, records ->
                assertThat(types(records)).filteredOn("school.PupilLeft.v1"::equals).hasSize(3));
        Map<String, Object> amiraId = byUpn(pupils(schoolId, ""), amira.upn());
        assertThat(published.stream().filter(r -> header(r, EventHeaders.TYPE).equals("school.PupilEnrolled.v1"))
                .map(RollIntegrationTest::json).filter(e -> e.get("pupilId").equals(amiraId.get("pupilId"))).toList())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("academicYear", twoYearsAgo)
                        .containsEntry("yearGroup", 9));
        assertThat(published.stream().filter(r -> header(r, EventHeaders.TYPE).equals("school.PupilLeft.v1"))
                .map(r -> json(r).get("academicYear") + " " + json(r).get("leavingDate")).toList())
                .as("in order: Dan as listed, Cat at the end of Year 11, Ben missing from last year's roll")
                .containsExactly(twoYearsAgo + " " + marchTwoYearsAgo, twoYearsAgo + " " + endOfTwoYearsAgo,
                        lastYear + " " + endOfTwoYearsAgo);
    }

    @Test
    void noPupilNameBirthDateOrUpnLeavesTheServiceOrEntersTheEventStore() {
        String schoolId = newSchool(List.of(7, 8, 9, 10, 11));
        List<Row> rows = new ArrayList<>();
        int size = RollConfiguration.EVENTS_BETWEEN_SNAPSHOTS + 50; // enough for a snapshot to be taken
        for (int n = 0; n < size; n++) {
            Row row = pupil(n, 7 + n % 5);
            rows.add(new Row(row.upn(), "Zephyrine" + n, "Quillfeather" + n,
                    LocalDate.of(2011 + n % 4, 1 + n % 12, 11 + n % 17), 7 + n % 5, row.gender(), row.sen(), row.pupilPremium(),
                    LocalDate.of(2021, 9, 6), null));
        }
        upload(schoolId, year, rows);
        // A second upload: a leaver, a change and a name correction, so every kind of roll event is stored.
        List<Row> second = new ArrayList<>(rows.subList(1, rows.size()));
        second.set(0, second.get(0).named("Zephyrina", "Quillfeather-Smith").withSen("K"));
        assertThat(upload(schoolId, year, second)).isEqualTo(counts(0, 1, 1, size - 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.getCollection("snapshots")
                .find(new Document("_id", Roll.idOf(schoolId))).first() != null);
        assertThat(upload(schoolId, year, second)).as("read back from the snapshot").isEqualTo(counts(0, 0, 0, size - 1));
        postShoutOut(schoolId);

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(schoolId, records ->
                assertThat(types(records)).contains("school.ShoutOutPosted.v1"));
        assertThat(types(published)).filteredOn(t -> t.startsWith("school.Pupil")).hasSize(size + 2);

        List<String> personal = new ArrayList<>(List.of("Zephyrin", "Quillfeather"));
        for (Row row : rows) {
            personal.add(row.upn());
            personal.add(row.dateOfBirth().toString());
            personal.add(row.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        List<String> everythingPublished = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : allRecords()) {
            everythingPublished.add(String.valueOf(record.key()));
            everythingPublished.add(new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                everythingPublished.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        assertThat(String.join("\n", everythingPublished)).contains(schoolId)
                .doesNotContain(personal.toArray(String[]::new));

        String stored = String.join("\n", database.getCollection("events").find()
                .map(Document::toJson).into(new ArrayList<>()));
        assertThat(stored).contains(Roll.idOf(schoolId), "PupilIdentityCorrected")
                .doesNotContain(personal.toArray(String[]::new));
        String snapshots = String.join("\n", database.getCollection("snapshots").find()
                .map(Document::toJson).into(new ArrayList<>()));
        assertThat(snapshots).doesNotContain(personal.toArray(String[]::new));
    }

    // --- helpers ---

    private record Response(int status, String contentType, String body) {
    }

    private Response put(String schoolId, String academicYear, byte[] body) {
        bearer.asCareersLeaderOf(schoolId);
        return http.put().uri("/api/v1/schools/{id}/roll?academicYear={year}", schoolId, academicYear)
                .contentType(MediaType.valueOf("text/csv")).body(body)
                .exchange((request, reply) -> new Response(reply.getStatusCode().value(),
                        String.valueOf(reply.getHeaders().getContentType()),
                        new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    private Map<String, Object> upload(String schoolId, String academicYear, List<Row> rows) {
        Response response = put(schoolId, academicYear, RollFiles.bytes(rows));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, Object> counts(int enrolled, int left, int changed, int unchanged) {
        return Map.of("enrolled", enrolled, "left", left, "changed", changed, "unchanged", unchanged);
    }

    private List<Map<String, Object>> pupils(String schoolId, String query) {
        bearer.asCareersLeaderOf(schoolId);
        return http.get().uri("/api/v1/schools/" + schoolId + "/pupils" + query).retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
    }

    private Response get(String schoolId, String query) {
        bearer.asCareersLeaderOf(schoolId);
        return http.get().uri("/api/v1/schools/" + schoolId + "/pupils" + query)
                .exchange((request, reply) -> new Response(reply.getStatusCode().value(),
                        String.valueOf(reply.getHeaders().getContentType()),
                        new String(reply.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    private List<Map<String, Object>> awaitRoll(String schoolId, int size) {
        List<List<Map<String, Object>>> holder = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> roll = pupils(schoolId, "");
            assertThat(roll).hasSize(size);
            holder.add(roll);
        });
        return holder.getLast();
    }

    private static Map<String, Object> byUpn(List<Map<String, Object>> roll, String upn) {
        return roll.stream().filter(p -> upn.equals(p.get("upn"))).findFirst()
                .orElseThrow(() -> new AssertionError("pupil not on the roll"));
    }

    private List<String> errorFields(String problem) {
        Map<String, Object> body = JSON.readValue(problem,
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        return errors.stream().map(e -> (String) e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private String newSchool(List<Integer> yearGroups) {
        bearer.asAdmin();
        Map<String, Object> hub = http.post().uri("/api/v1/hubs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Tees Valley")).retrieve().body(Map.class);
        String urn = String.valueOf(100000 + (int) (Math.random() * 899999));
        Map<String, Object> school = http.post().uri("/api/v1/schools").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("urn", urn, "name", "Northfield School", "type", "SCHOOL", "hubId", hub.get("hubId"),
                        "yearGroups", yearGroups)).retrieve().body(Map.class);
        bearer.asCareersLeaderOf((String) school.get("schoolId"));
        return (String) school.get("schoolId");
    }

    private void postShoutOut(String schoolId) {
        bearer.asCareersLeaderOf(schoolId);
        http.post().uri("/api/v1/schools/{id}/shout-outs", schoolId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Careers talk", "activityType", "CAREERS_TALK", "yearGroups", List.of(9),
                        "places", 30, "startDate", "2099-01-11", "endDate", "2099-02-12", "mode", "IN_PERSON"))
                .retrieve().toBodilessEntity();
    }

    /** This school's records, in partition order, once the condition holds on them. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(String schoolId,
            java.util.function.Consumer<List<ConsumerRecord<String, byte[]>>> condition) {
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (schoolId.equals(record.key())) {
                    ours.add(record);
                }
            });
            condition.accept(ours);
        });
        return ours;
    }

    /** Every record on the topic up to its current end. */
    private List<ConsumerRecord<String, byte[]>> allRecords() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> all = new KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = all.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            all.assign(partitions);
            all.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = all.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                all.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> all.position(p) >= end.get(p));
            });
            return records;
        }
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, EventHeaders.TYPE)).toList();
    }

    private static Map<String, Object> json(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
