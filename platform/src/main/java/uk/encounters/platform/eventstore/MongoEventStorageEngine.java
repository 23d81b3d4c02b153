package uk.encounters.platform.eventstore;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

/**
 * Axon's event storage on MongoDB through the plain sync driver, working the same on a real server and on the
 * embedded wire server (no transactions, no sessions, indexes only for equality or {@code $in} on exact keys).
 *
 * <p>Why this shape:
 * <ul>
 *   <li><b>One document per unit of work.</b> A single insert is atomic everywhere, so a unit of work's events
 *       appear all together or not at all without transactions.</li>
 *   <li><b>A global position per event, from a counter.</b> Axon's event store finds a consumer's place by token
 *       equality, so events must not share a token; the counter's order is the one order every processor sees.</li>
 *   <li><b>Strict position order with tombstones instead of a gap-aware token.</b> A reader never passes an
 *       allocated position that is not visible yet; after the gap timeout it inserts a tombstone owning it, and
 *       the unique index on positions decides between tombstone and late commit (the loser of which retries with
 *       new positions). Time alone therefore never drops an event, unlike gap-aware tokens whose gaps expire by
 *       time or by count, and the token stays a single number: small to store, cheap to compare, and the same
 *       for every processor, so replays and resets need no special cases.</li>
 *   <li><b>Unique multikey indexes on positions and on "aggregateId:sequence" keys.</b> They turn lost races into
 *       duplicate-key errors (optimistic concurrency per aggregate) and serve every hot read as a point or
 *       {@code $in} lookup, which the embedded server answers from an index while it scans for anything else.</li>
 * </ul>
 * A commit document is limited to 16 MB, so a single unit of work cannot store more than that.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private final MongoCollection<Document> events;
    private final PositionCounter counter;
    private final CommitWriter writer;
    private final TrackingReader reader;
    private final AggregateStreams streams;
    private final SnapshotStore snapshots;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.counter = new PositionCounter(database.getCollection(builder.countersCollection));
        Tombstones tombstones = new Tombstones(events, builder.clock);
        this.writer = new CommitWriter(events, counter, tombstones, builder.clock, builder.maxAppendAttempts);
        this.reader = new TrackingReader(events, counter, tombstones,
                new GapTimer(builder.gapTimeout, System::nanoTime), builder.trackingBatchSize);
        this.streams = new AggregateStreams(events);
        this.snapshots = new SnapshotStore(database.getCollection(builder.snapshotsCollection));
        if (builder.createSchema) {
            createSchema();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes and the position counter; safe to call repeatedly and from several nodes at once. */
    public void createSchema() {
        events.createIndex(new Document(CommitDocuments.POSITIONS, 1),
                new IndexOptions().unique(true).name("positions"));
        events.createIndex(new Document(CommitDocuments.STREAM_KEYS, 1),
                new IndexOptions().unique(true).name("stream_keys"));
        snapshots.ensureIndexes();
        counter.ensureExists();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        try {
            writer.append(CommitDocuments.serializeEvents(events, serializer));
        } catch (CommitWriter.StreamConflict conflict) {
            // Axon's resolver maps the duplicate to ConcurrencyException, or to AggregateStreamCreationException
            // when the conflicting event is the first of its aggregate.
            handlePersistenceException(conflict.getCause(), events.get(conflict.eventIndex()));
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier).stream();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return streams.read(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return reader.readAfter(positionOf(lastToken));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequence(aggregateIdentifier);
    }

    /** Before the first position; positions start at 1. */
    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(PositionCounter.FIRST_POSITION - 1);
    }

    /**
     * At the last allocated position. A commit still in flight below it is not seen by a processor starting here,
     * just as a commit racing with the creation of any head token would not be.
     */
    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(counter.next() - 1);
    }

    /**
     * Just before the first position whose event happened at or after {@code dateTime}, by binary search with
     * point lookups. Event timestamps come from the writers' clocks and are only roughly ordered by position, so
     * where they disagree the token may start a little early, never past an event that the search saw as later.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = PositionCounter.FIRST_POSITION;
        long high = counter.next(); // exclusive; treated as "after every instant"
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (timeAt(middle).isBefore(dateTime)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return new GlobalSequenceTrackingToken(low - 1);
    }

    /** Test hook: called between allocating positions and inserting a commit. */
    void allocationHook(CommitWriter.AllocationHook hook) {
        writer.allocationHook(hook);
    }

    /** Test hook: allocates positions that are never committed, as a writer that crashed would. */
    long allocateAndAbandon(int count) {
        return counter.allocate(count);
    }

    /** Test hook: a reader that ignores gaps, to show the torture test notices. */
    void gapHandling(boolean enabled) {
        reader.gapHandling(enabled);
    }

    private Instant timeAt(long position) {
        Document commit = events.find(new Document(CommitDocuments.POSITIONS, position)).first();
        if (commit == null) {
            return Instant.MAX; // in flight: it will be committed from now on
        }
        List<Document> commitEvents = CommitDocuments.events(commit);
        if (commitEvents.isEmpty()) {
            return commit.getDate(CommitDocuments.COMMITTED_AT).toInstant();
        }
        int index = Math.toIntExact(position - CommitDocuments.firstPosition(commit));
        return Instant.parse(commitEvents.get(index).getString(CommitDocuments.TIMESTAMP));
    }

    private static long positionOf(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        if (unwrapped == null) {
            return PositionCounter.FIRST_POSITION - 1;
        }
        if (unwrapped instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException("Unsupported token type " + unwrapped.getClass().getName()
                + "; this store uses GlobalSequenceTrackingToken");
    }

    /** Builds the engine; the database is required, everything else has a default. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = "events";
        private String countersCollection = "event_counters";
        private String snapshotsCollection = "snapshots";
        private Duration gapTimeout = Duration.ofSeconds(2);
        private int trackingBatchSize = 500;
        private int maxAppendAttempts = 10;
        private boolean createSchema = true;
        private Clock clock = Clock.systemUTC();

        protected Builder() {
            persistenceExceptionResolver(Builder::isDuplicateKey);
        }

        private static boolean isDuplicateKey(Exception exception) {
            return exception instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder collections(String events, String counters, String snapshots) {
            assertThat(List.of(events, counters, snapshots), names -> names.stream().noneMatch(String::isBlank),
                    "Collection names may not be blank");
            this.eventsCollection = events;
            this.countersCollection = counters;
            this.snapshotsCollection = snapshots;
            return this;
        }

        /** How long a reader waits for an allocated position before it tombstones it. */
        public Builder gapTimeout(Duration gapTimeout) {
            assertThat(gapTimeout, timeout -> timeout != null && !timeout.isNegative() && !timeout.isZero(),
                    "The gap timeout must be positive");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** Positions read per tracking query; aggregate loads use {@link #batchSize(int)}. */
        public Builder trackingBatchSize(int trackingBatchSize) {
            assertThat(trackingBatchSize, size -> size > 0, "The tracking batch size must be positive");
            this.trackingBatchSize = trackingBatchSize;
            return this;
        }

        /** How often a writer whose positions were tombstoned takes new ones before giving up. */
        public Builder maxAppendAttempts(int maxAppendAttempts) {
            assertThat(maxAppendAttempts, attempts -> attempts > 0, "At least one append attempt is needed");
            this.maxAppendAttempts = maxAppendAttempts;
            return this;
        }

        /** Whether to create indexes and the counter when the engine is built (the default). */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        public Builder clock(Clock clock) {
            assertNonNull(clock, "The clock may not be null");
            this.clock = clock;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
