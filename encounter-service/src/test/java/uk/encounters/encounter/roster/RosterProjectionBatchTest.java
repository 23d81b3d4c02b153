package uk.encounters.encounter.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolEvents;
import uk.encounters.contracts.school.Sen;
import uk.encounters.infra.EmbeddedMongo;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * The roster view comes out the same whatever the batch boundaries and redeliveries: every way of cutting the event
 * stream into batches, and every redelivery of an already applied run of events, gives the documents that applying
 * the events one at a time gives. On the embedded server's H2 file backend, which {@code ./mvnw -Pstart} uses.
 */
class RosterProjectionBatchTest {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private MongoDatabase database;
    private MongoCollection<Document> pupils;
    private RosterProjection projection;

    /** Two schools' rolls, interleaved as their partitions would be in one poll; a pupil moves from A to B. */
    private final List<ReceivedEvent<?>> events = List.of(
            event("roll-a", 1, enrolled("p1", "school-a", "2024/25", "2022-09-01")),
            event("roll-a", 2, enrolled("p2", "school-a", "2024/25", "2024-09-01")),
            event("roll-b", 1, enrolled("p2", "school-b", "2024/25", "2025-02-17")),
            event("roll-a", 3, left("p2", "school-a", "2024/25", "2025-02-14")),
            event("roll-a", 4, enrolled("p1", "school-a", "2025/26", "2022-09-01")),
            event("roll-a", 5, left("p3", "school-a", "2025/26", "2025-07-18")),
            event("roll-b", 2, left("p2", "school-b", "2025/26", "2025-07-18")),
            event("roll-a", 6, enrolled("p2", "school-a", "2025/26", "2025-09-01")),
            event("roll-a", 7, left("p1", "school-a", "2025/26", "2026-07-17")),
            event("roll-a", 8, enrolled("p3", "school-a", "2026/27", "2026-09-01")),
            event("roll-a", 9, enrolled("p2", "school-a", "2026/27", "2025-09-01")),
            // the 2024/25 roll corrected: p2 left a week later than first uploaded
            event("roll-a", 10, left("p2", "school-a", "2024/25", "2025-02-21")));

    @BeforeAll
    static void startMongo(@TempDir Path dir) {
        server = EmbeddedMongo.persistent(dir.resolve("roster.mv"), 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyView() {
        database = client.getDatabase("roster-batches");
        pupils = database.getCollection(RosterProjection.PUPILS);
        pupils.drop();
        projection = new RosterProjection(database);
    }

    @Test
    void oneEventAtATimeGivesEachPupilTheirStaysAtEachSchool() {
        events.forEach(e -> projection.apply(List.of(e)));

        assertThat(stays("school-a", "p1")).containsExactly(stay("2022-09-01", "2026-07-17"));
        assertThat(stays("school-a", "p2"))
                .containsExactly(stay("2024-09-01", "2025-02-21"), stay("2025-09-01", null));
        assertThat(stays("school-b", "p2")).containsExactly(stay("2025-02-17", "2025-07-18"));
        assertThat(stays("school-a", "p3")).containsExactly(stay(null, "2025-07-18"), stay("2026-09-01", null));
        assertThat(pupils.countDocuments()).isEqualTo(4);
    }

    @Test
    void everyBatchSizeGivesTheSameDocuments() {
        events.forEach(e -> projection.apply(List.of(e)));
        Map<String, String> oneByOne = view();

        for (int size = 2; size <= events.size(); size++) {
            pupils.drop();
            for (int from = 0; from < events.size(); from += size) {
                projection.apply(events.subList(from, Math.min(events.size(), from + size)));
            }
            assertThat(view()).as("batches of %d", size).isEqualTo(oneByOne);
        }
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        // The view after each prefix of the stream, applied one event at a time.
        List<Map<String, String>> after = new ArrayList<>();
        after.add(view());
        for (ReceivedEvent<?> e : events) {
            projection.apply(List.of(e));
            after.add(view());
        }

        // Applied up to (not including) event k; then event j published again (an outbox retry) and events j to k
        // delivered again (a failed commit).
        for (int k = 1; k <= events.size(); k++) {
            for (int j = 0; j < k; j++) {
                pupils.drop();
                projection.apply(events.subList(0, k));
                projection.apply(List.of(events.get(j)));
                assertThat(view()).as("applied to %d, then %d again", k, j).isEqualTo(after.get(k));
                projection.apply(events.subList(j, k));
                assertThat(view()).as("applied to %d, redelivered from %d", k, j).isEqualTo(after.get(k));
                projection.apply(events.subList(j, events.size()));
                assertThat(view()).as("then on to the end").isEqualTo(after.get(events.size()));
            }
        }
    }

    @Test
    void threeYearsOfAWholeSchoolsRollComeOutAsEachPupilsStays() {
        List<ReceivedEvent<?>> rolls = new ArrayList<>();
        long sequence = 0;
        for (String year : List.of("2024/25", "2025/26", "2026/27")) {
            for (int i = 0; i < 3_000; i++) {
                rolls.add(event("roll-big", ++sequence, enrolled("p" + i, "school-big", year, "2022-09-01")));
            }
            for (int i = 0; i < 300; i++) {
                rolls.add(event("roll-big", ++sequence, left("p" + i * 7, "school-big", year, "2023-07-21")));
            }
        }

        for (int from = 0; from < rolls.size(); from += RosterProjection.MAX_POLL_RECORDS) {
            projection.apply(rolls.subList(from, Math.min(rolls.size(), from + RosterProjection.MAX_POLL_RECORDS)));
        }

        assertThat(pupils.countDocuments()).isEqualTo(3_000);
        assertThat(stays("school-big", "p7")).containsExactly(stay("2022-09-01", "2023-07-21"));
        assertThat(stays("school-big", "p8")).containsExactly(stay("2022-09-01", null));
    }

    private Map<String, String> view() {
        Map<String, String> docs = new TreeMap<>();
        pupils.find().forEach(d -> docs.put(d.get("_id", Document.class).toJson(), d.toJson()));
        return docs;
    }

    private List<RosterProjection.Stay> stays(String school, String pupil) {
        Document doc = pupils.find(new Document("_id", RosterProjection.key(school, pupil))).first();
        assertThat(doc).as("%s at %s", pupil, school).isNotNull();
        List<RosterProjection.Stay> stays = new ArrayList<>();
        doc.getList("stays", Document.class).forEach(s -> stays.add(RosterProjection.Stay.from(s)));
        return stays;
    }

    private static RosterProjection.Stay stay(String admitted, String left) {
        return new RosterProjection.Stay(admitted == null ? null : LocalDate.parse(admitted),
                left == null ? null : LocalDate.parse(left));
    }

    private static PupilEnrolled enrolled(String pupil, String school, String year, String admitted) {
        return new PupilEnrolled(pupil, school, year, 9, LocalDate.parse(admitted), Sen.NONE, false,
                Gender.NOT_RECORDED, null);
    }

    private static PupilLeft left(String pupil, String school, String year, String leaving) {
        return new PupilLeft(pupil, school, year, LocalDate.parse(leaving));
    }

    private static ReceivedEvent<SchoolEvent> event(String aggregate, long sequence, SchoolEvent event) {
        return new ReceivedEvent<>("school.events", SchoolEvents.byClass(event.getClass()).orElseThrow(),
                aggregate + "-" + sequence, aggregate, sequence, Instant.parse("2026-11-24T09:00:00Z"), null, event);
    }
}
