package uk.encounters.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.encounters.platform.eventstore.TestEvents.announcement;
import static uk.encounters.platform.eventstore.TestEvents.thing;
import static uk.encounters.platform.eventstore.TestEvents.thingAt;
import static uk.encounters.platform.eventstore.TestEvents.things;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.platform.eventstore.TestEvents.SomethingAnnounced;
import uk.encounters.platform.eventstore.TestEvents.ThingHappened;

class MongoEventStorageEngineTest {

    private static MongoDatabase database;

    @BeforeAll
    static void database() {
        database = TestMongo.freshDatabase(MongoEventStorageEngineTest.class);
    }

    /** Each test gets its own collections, so positions and tokens start from scratch. */
    private static MongoEventStorageEngine engine(String name) {
        return TestMongo.engine(database)
                        .collections(name + "_events", name + "_counters", name + "_snapshots")
                        .batchSize(20)
                        .trackingBatchSize(50)
                        .gapTimeout(Duration.ofMillis(300))
                        .upcasterChain(new EventUpcasterChain(new OrderPlacedRev1Upcaster()))
                        .build();
    }

    private static List<TrackedEventMessage<?>> readAll(MongoEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).<TrackedEventMessage<?>>map(e -> e).toList();
    }

    private static long position(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }

    @Test
    void loadsAStreamLongerThanTheBatchSizeInOrder() {
        MongoEventStorageEngine engine = engine("long");
        for (int sequence = 0; sequence < 250; sequence++) {
            engine.appendEvents(thing("long-1", sequence));
            engine.appendEvents(thing("other-" + sequence, 0)); // interleaved, so the stream is not contiguous
        }
        engine.appendEvents(things("long-1", 250, 45)); // one commit bigger than a batch

        List<Long> sequences = engine.readEvents("long-1").asStream().map(DomainEventMessage::getSequenceNumber)
                                     .toList();
        assertThat(sequences).hasSize(295);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        assertThat(engine.readEvents("long-1", 100).asStream().findFirst().orElseThrow().getSequenceNumber())
                .isEqualTo(100);
        assertThat(engine.readEvents("long-1").asStream().map(e -> (ThingHappened) e.getPayload()).toList())
                .extracting(ThingHappened::note).startsWith("n0", "n1", "n2");
        assertThat(engine.lastSequenceNumberFor("long-1")).contains(294L);
        assertThat(engine.lastSequenceNumberFor("other-3")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    /** A school's first roll upload is one commit of thousands of events; it must load, and load once. */
    @Test
    void loadsAStreamWhoseFirstCommitHoldsThousandsOfEvents() {
        // The production batch size: every key of a batch matches the big commit.
        MongoEventStorageEngine engine = TestMongo.engine(database)
                                                  .collections("large_events", "large_counters", "large_snapshots")
                                                  .batchSize(100)
                                                  .build();
        engine.appendEvents(things("large-1", 0, 4_000));
        engine.appendEvents(thing("large-1", 4_000));

        List<Long> sequences = engine.readEvents("large-1").asStream().map(DomainEventMessage::getSequenceNumber)
                                     .toList();

        assertThat(sequences).hasSize(4_001).doesNotHaveDuplicates().isSorted();
        assertThat(engine.lastSequenceNumberFor("large-1")).contains(4_000L);
    }

    @Test
    void aSecondWriterAtTheSameSequenceGetsAConcurrencyException() {
        MongoEventStorageEngine engine = engine("conflict");
        engine.appendEvents(things("agg-1", 0, 2));

        assertThatThrownBy(() -> engine.appendEvents(thing("agg-1", 1))).isInstanceOf(ConcurrencyException.class)
                                                                       .isNotInstanceOf(
                                                                               AggregateStreamCreationException.class);
        // The loser's event is not there, and its positions were given back at once: the stream goes on.
        engine.appendEvents(thing("agg-1", 2));
        assertThat(engine.readEvents("agg-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(readAll(engine, null)).hasSize(3);
    }

    @Test
    void creatingAnAggregateTwiceGetsAStreamCreationException() {
        MongoEventStorageEngine engine = engine("creation");
        engine.appendEvents(thing("agg-1", 0));

        assertThatThrownBy(() -> engine.appendEvents(thing("agg-1", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void concurrentWritersAtTheSameSequenceLetExactlyOneWin() throws Exception {
        MongoEventStorageEngine engine = engine("race");
        engine.appendEvents(thing("agg-1", 0));
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                outcomes.add(executor.submit(() -> {
                    start.await();
                    try {
                        engine.appendEvents(things("agg-1", 1, 3));
                        return true;
                    } catch (ConcurrencyException e) {
                        return false;
                    }
                }));
            }
            long winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(engine.lastSequenceNumberFor("agg-1")).contains(3L);
        assertThat(readAll(engine, null)).hasSize(4);
    }

    @Test
    void keepsTheNewestSnapshot() {
        MongoEventStorageEngine engine = engine("snapshots");
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "agg-1", 10, new ThingHappened("agg-1", 10,
                "state at 10")));
        assertThat(engine.readSnapshot("agg-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                .isEqualTo(10L);

        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "agg-1", 5, new ThingHappened("agg-1", 5,
                "older")));
        DomainEventMessage<?> kept = engine.readSnapshot("agg-1").orElseThrow();
        assertThat(kept.getSequenceNumber()).isEqualTo(10L);
        assertThat(((ThingHappened) kept.getPayload()).note()).isEqualTo("state at 10");

        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "agg-1", 20, new ThingHappened("agg-1", 20,
                "newer")));
        assertThat(engine.readSnapshot("agg-1")).get().extracting(DomainEventMessage::getSequenceNumber)
                                                .isEqualTo(20L);
        assertThat(engine.readSnapshot("agg-2")).isEmpty();
    }

    @Test
    void upcastsAnOldRevisionStoredByAnEarlierVersion() throws IOException {
        MongoEventStorageEngine engine = engine("upcast");
        Document goldenEvent = Document.parse(golden("order-placed-rev1.json"));
        long position = engine.allocateAndAbandon(1);
        database.getCollection("upcast_events").insertOne(CommitDocuments.commit(position, List.of(goldenEvent),
                CommitDocuments.streamKeysOf(List.of(goldenEvent)), Instant.now()));

        DomainEventMessage<?> loaded = engine.readEvents("order-golden").asStream().findFirst().orElseThrow();
        assertThat(loaded.getPayload()).isEqualTo(new OrderPlaced("order-golden", 1250));
        assertThat(loaded.getMetaData()).containsEntry("actingUser", "user-7");
        assertThat(loaded.getTimestamp()).isEqualTo(Instant.parse("2026-01-05T10:15:30.123456Z"));

        TrackedEventMessage<?> streamed = readAll(engine, null).getFirst();
        assertThat(streamed.getPayload()).isEqualTo(new OrderPlaced("order-golden", 1250));
        assertThat(streamed.getIdentifier()).isEqualTo("5b0a6a40-3d1e-4c1e-9f7e-2f6b1b9e0c01");
    }

    @Test
    void streamsEventsPublishedOutsideAggregates() {
        MongoEventStorageEngine engine = engine("plain");
        engine.appendEvents(announcement("first"));
        engine.appendEvents(thing("agg-1", 0), announcement("second"));

        List<TrackedEventMessage<?>> streamed = readAll(engine, engine.createTailToken());
        assertThat(streamed).hasSize(3);
        assertThat(streamed.get(0)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(streamed.get(0).getPayload()).isEqualTo(new SomethingAnnounced("first",
                Instant.parse("2026-03-01T09:00:00Z")));
        assertThat(streamed.get(1)).isInstanceOf(DomainEventMessage.class);
        assertThat(streamed.get(2).getPayload()).extracting("text").isEqualTo("second");
        assertThat(streamed).extracting(MongoEventStorageEngineTest::position).containsExactly(1L, 2L, 3L);
        assertThat(engine.readEvents("agg-1").asStream()).hasSize(1);
    }

    @Test
    void createsTokensAtTheTailTheHeadAndAnInstant() {
        MongoEventStorageEngine engine = engine("tokens");
        Instant start = Instant.parse("2026-02-01T08:00:00Z");
        for (int i = 0; i < 40; i++) {
            engine.appendEvents(thingAt("agg-" + (i % 3), i / 3, start.plusSeconds(60L * i)));
        }

        assertThat(readAll(engine, engine.createTailToken())).hasSize(40);
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();

        List<TrackedEventMessage<?>> fromMinute17 = readAll(engine, engine.createTokenAt(start.plusSeconds(60 * 17)));
        assertThat(fromMinute17).hasSize(23);
        assertThat(fromMinute17.getFirst().getTimestamp()).isEqualTo(start.plusSeconds(60 * 17));
        assertThat(readAll(engine, engine.createTokenAt(start.plusSeconds(30)))).hasSize(39);
        assertThat(readAll(engine, engine.createTokenAt(start.minusSeconds(1)))).hasSize(40);
        assertThat(readAll(engine, engine.createTokenAt(start.plusSeconds(3600)))).isEmpty();

        engine.appendEvents(thing("agg-9", 0));
        assertThat(readAll(engine, engine.createTokenAt(start.plusSeconds(3600)))).hasSize(1);
    }

    @Test
    void waitsForAnAllocatedPositionThenTombstonesIt() {
        MongoEventStorageEngine engine = engine("gaps");
        engine.appendEvents(thing("agg-1", 0));
        long abandoned = engine.allocateAndAbandon(3);
        engine.appendEvents(thing("agg-1", 1));

        // Inside the gap timeout the reader stops in front of the missing positions...
        assertThat(readAll(engine, null)).extracting(MongoEventStorageEngineTest::position).containsExactly(1L);
        // ...and once it has waited long enough, it claims them and moves on.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(readAll(engine, null)).extracting(MongoEventStorageEngineTest::position)
                                                 .containsExactly(1L, abandoned + 3));
        Document tombstone = database.getCollection("gaps_events").find(new Document("_id", abandoned)).first();
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.getBoolean("tombstone")).isTrue();
        assertThat(tombstone.getList("positions", Long.class)).containsExactly(abandoned, abandoned + 1,
                abandoned + 2);
    }

    @Test
    void aWriterThatWasTombstonedRetriesWithNewPositions() {
        MongoEventStorageEngine engine = engine("late");
        long[] firstAttempt = {-1};
        engine.allocationHook((first, count) -> {
            if (firstAttempt[0] < 0) {
                firstAttempt[0] = first;
                // Play the reader that gave up waiting for this writer.
                assertThat(new Tombstones(database.getCollection("late_events"), java.time.Clock.systemUTC())
                        .tryClaim(first, first + count - 1)).isTrue();
            }
        });

        engine.appendEvents(things("agg-1", 0, 2));

        List<TrackedEventMessage<?>> streamed = readAll(engine, null);
        assertThat(streamed).extracting(MongoEventStorageEngineTest::position)
                            .containsExactly(firstAttempt[0] + 2, firstAttempt[0] + 3);
        assertThat(engine.readEvents("agg-1").asStream()).hasSize(2);
    }

    @Test
    void givesUpAfterBeingTombstonedTooOften() {
        MongoEventStorageEngine engine = TestMongo.engine(database)
                                                  .collections("stubborn_events", "stubborn_counters",
                                                          "stubborn_snapshots")
                                                  .maxAppendAttempts(3)
                                                  .build();
        Tombstones reader = new Tombstones(database.getCollection("stubborn_events"), java.time.Clock.systemUTC());
        engine.allocationHook((first, count) -> reader.tryClaim(first, first + count - 1));

        assertThatThrownBy(() -> engine.appendEvents(thing("agg-1", 0))).isInstanceOf(EventStoreException.class);
        assertThat(engine.readEvents("agg-1").asStream()).isEmpty();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = MongoEventStorageEngineTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
