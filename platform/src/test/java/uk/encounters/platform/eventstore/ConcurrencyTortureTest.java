package uk.encounters.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writers race each other with random pauses between taking positions and committing, some stall past the gap
 * timeout (so readers tombstone their positions and they must retry), two allocations are abandoned outright, and
 * two independent streaming processors read through Axon's event store all the while. Each must see every event
 * exactly once, in one order, with every aggregate's events in sequence.
 */
class ConcurrencyTortureTest {

    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 5_250;
    private static final int AGGREGATES_PER_WRITER = 40;
    private static final Duration GAP_TIMEOUT = Duration.ofMillis(300);
    private static final long SEED = Long.getLong("torture.seed", 20261124L);

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    @Test
    void everyProcessorSeesEveryEventExactlyOnceInOneOrder() throws Exception {
        MongoDatabase database = TestMongo.freshDatabase(ConcurrencyTortureTest.class);
        MongoEventStorageEngine engine = TestMongo.engine(database)
                                                  .gapTimeout(GAP_TIMEOUT)
                                                  .trackingBatchSize(200)
                                                  .build();
        MongoCollection<Document> commits = database.getCollection("events");
        Set<Long> stalledCommits = ConcurrentHashMap.newKeySet();
        AtomicInteger stallsLeft = new AtomicInteger(2 * WRITERS);
        engine.allocationHook((first, count) -> {
            Random random = new Random(first ^ SEED);
            if (random.nextInt(400) == 0 && stallsLeft.getAndDecrement() > 0) {
                // Stall until a reader has given up on us and tombstoned our positions.
                stalledCommits.add(first);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                       .until(() -> commits.find(new Document("positions", first)).first() != null);
            } else if (random.nextInt(8) == 0) {
                // A short random pause between allocation and insert lets later positions commit first.
                LockSupport.parkNanos(random.nextInt(2_000_000));
            }
        });

        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(50).build();
        cleanup.add(eventStore::shutDown);
        RecordingHandler tracking = new RecordingHandler();
        RecordingHandler pooled = new RecordingHandler();
        startTrackingProcessor(eventStore, tracking, tokenStore(database, "tracking_tokens"));
        startPooledProcessor(eventStore, pooled, tokenStore(database, "pooled_tokens"));

        long crashedSmall = engine.allocateAndAbandon(1);
        Set<String> appended = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        cleanup.add(writers::shutdownNow);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> write(eventStore, writer, appended)));
        }
        long crashedLarge = engine.allocateAndAbandon(7);
        for (Future<?> writer : done) {
            writer.get(5, TimeUnit.MINUTES);
        }

        int total = appended.size();
        System.out.printf("torture: %d events appended, %d stalled commits, %d tombstone documents%n", total,
                stalledCommits.size(), commits.countDocuments(new Document("tombstone", true)));
        assertThat(total).isGreaterThanOrEqualTo(20_000);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
               .until(() -> tracking.count() >= total && pooled.count() >= total);

        for (RecordingHandler handler : List.of(tracking, pooled)) {
            assertThat(handler.deliveries).as("deliveries per event id").hasSize(total)
                                          .allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
            assertThat(handler.deliveries.keySet()).isEqualTo(appended);
            assertThat(handler.sequenceViolations).as("per-aggregate order").isEmpty();
        }
        assertThat(tracking.positionViolations).as("single-segment position order").isEmpty();
        assertThat(stalledCommits).as("writers stalled past the gap timeout").hasSize(2 * WRITERS);
        // Adjacent missing positions share one tombstone, so check ownership rather than counting documents.
        for (long stalled : stalledCommits) {
            assertThat(isTombstoned(commits, stalled)).as("stalled commit's first position " + stalled).isTrue();
        }
        assertThat(isTombstoned(commits, crashedSmall)).isTrue();
        assertThat(isTombstoned(commits, crashedLarge + 6)).isTrue();
    }

    private static boolean isTombstoned(MongoCollection<Document> commits, long position) {
        Document owner = commits.find(new Document("positions", position)).first();
        return owner != null && owner.getBoolean("tombstone", false);
    }

    /** Single-event commits mostly, some multi-event commits, some events published outside aggregates. */
    private static void write(EmbeddedEventStore store, int writer, Set<String> appended) {
        Random random = new Random(SEED + writer);
        long[] nextSequence = new long[AGGREGATES_PER_WRITER];
        int written = 0;
        while (written < EVENTS_PER_WRITER) {
            int kind = random.nextInt(100);
            List<EventMessage<?>> commit = new ArrayList<>();
            if (kind < 2) {
                commit.add(GenericEventMessage.asEventMessage(new TestEvents.SomethingAnnounced("w" + writer,
                        java.time.Instant.now())));
            } else {
                int aggregate = random.nextInt(AGGREGATES_PER_WRITER);
                int size = kind < 5 ? 2 + random.nextInt(9) : 1;
                for (int i = 0; i < size; i++) {
                    commit.add(TestEvents.thing("w" + writer + "-a" + aggregate, nextSequence[aggregate]++));
                }
                if (kind == 4) { // two aggregates in one unit of work
                    int other = (aggregate + 1) % AGGREGATES_PER_WRITER;
                    commit.add(TestEvents.thing("w" + writer + "-a" + other, nextSequence[other]++));
                }
            }
            store.publish(commit);
            commit.forEach(event -> appended.add(event.getIdentifier()));
            written += commit.size();
        }
    }

    private void startTrackingProcessor(EmbeddedEventStore store, RecordingHandler handler, TokenStore tokens) {
        TrackingEventProcessor processor = TrackingEventProcessor
                .builder()
                .name("torture-tracking")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(100))
                .build();
        processor.start();
        cleanup.add(processor::shutDown);
    }

    private void startPooledProcessor(EmbeddedEventStore store, RecordingHandler handler, TokenStore tokens) {
        var coordinator = Executors.newSingleThreadScheduledExecutor();
        var workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor
                .builder()
                .name("torture-pooled")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(4)
                .batchSize(100)
                .build();
        processor.start();
        cleanup.add(workers::shutdownNow);
        cleanup.add(coordinator::shutdownNow);
        cleanup.add(() -> processor.shutdownAsync().get(30, TimeUnit.SECONDS));
    }

    private static TokenStore tokenStore(MongoDatabase database, String collection) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                                                                 .trackingTokensCollectionName(collection).build())
                              .serializer(TestMongo.serializer())
                              .build();
    }

    /** Counts deliveries per event and notes any event that arrives out of order. */
    private static final class RecordingHandler implements EventMessageHandler {

        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final List<String> sequenceViolations = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> positionViolations = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();
        private volatile long lastPosition;

        @Override
        public Object handle(EventMessage<?> event) {
            deliveries.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
            long position = ((GlobalSequenceTrackingToken) ((TrackedEventMessage<?>) event).trackingToken())
                    .getGlobalIndex();
            // Only meaningful for the single-threaded processor, which is the only one asserted on.
            if (position <= lastPosition) {
                positionViolations.add(position + " after " + lastPosition);
            }
            lastPosition = position;
            if (event instanceof DomainEventMessage<?> domainEvent) {
                Long previous = lastSequence.put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
                long expected = previous == null ? 0 : previous + 1;
                if (domainEvent.getSequenceNumber() != expected) {
                    sequenceViolations.add(domainEvent.getAggregateIdentifier() + ": " + domainEvent.getSequenceNumber()
                            + " after " + previous);
                }
            }
            count.incrementAndGet();
            return null;
        }

        int count() {
            return count.get();
        }
    }
}
