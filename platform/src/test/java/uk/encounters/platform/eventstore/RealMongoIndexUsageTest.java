package uk.encounters.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.platform.eventstore.TestEvents.things;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import uk.encounters.infra.Infrastructure;

/**
 * On a real MongoDB server (Testcontainers or external; skipped on the embedded server, which has no query planner to
 * ask), the store's hot reads are answered from an index, never by a collection scan: the tracking window by
 * {@code _id $in}, a token stopping inside a commit by {@code positions}, an aggregate load by {@code streamKeys $in}.
 */
@EnabledIf(value = "realMongo", disabledReason = "needs a real MongoDB server: runs under Testcontainers or MONGODB_URI")
class RealMongoIndexUsageTest {

    private static MongoCollection<Document> events;

    @BeforeAll
    static void storeSomeEvents() {
        MongoDatabase database = TestMongo.freshDatabase(RealMongoIndexUsageTest.class);
        MongoEventStorageEngine engine = TestMongo.engine(database).build();
        for (int aggregate = 0; aggregate < 50; aggregate++) {
            engine.appendEvents(things("order-" + aggregate, 0, 20));
        }
        events = database.getCollection("events");
    }

    static boolean realMongo() {
        return Infrastructure.forTests().realMongo();
    }

    @Test
    void theTrackingWindowIsReadThroughTheIdIndex() {
        assertUsesAnIndex(new Document(CommitDocuments.ID,
                new Document("$in", LongStream.rangeClosed(101, 600).boxed().toList())));
    }

    @Test
    void aTokenInsideACommitIsFoundThroughThePositionsIndex() {
        assertUsesAnIndex(new Document(CommitDocuments.POSITIONS, 105L));
    }

    @Test
    void anAggregateIsLoadedThroughTheStreamKeysIndex() {
        assertUsesAnIndex(new Document(CommitDocuments.STREAM_KEYS,
                new Document("$in", List.of("order-7:0", "order-7:1", "order-7:2"))));
    }

    private static void assertUsesAnIndex(Document filter) {
        Document plan = events.find(filter).explain();
        String winningPlan = plan.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
        assertThat(winningPlan).contains("IXSCAN").doesNotContain("COLLSCAN");
    }
}
