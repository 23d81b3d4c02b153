package uk.encounters.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

/**
 * Inserts one commit document per unit of work: allocate positions, then a single insert, so the events become
 * visible all at once or not at all. A duplicate key means one of two things, told apart by looking at who owns
 * the positions rather than by parsing error messages: a reader tombstoned our positions because we were too slow
 * (take new positions and insert again), or another writer got to the aggregate first (a concurrency conflict).
 */
final class CommitWriter {

    /** Called between allocating positions and inserting the commit; tests use it to widen that window. */
    @FunctionalInterface
    interface AllocationHook {
        void allocated(long firstPosition, int count);
    }

    /** Another commit already holds one of our (aggregate, sequence) keys. */
    static final class StreamConflict extends Exception {
        private final int eventIndex;

        StreamConflict(int eventIndex, MongoWriteException cause) {
            super(cause.getMessage(), cause);
            this.eventIndex = eventIndex;
        }

        /** Index in the commit of the first event whose stream key was taken. */
        int eventIndex() {
            return eventIndex;
        }

        @Override
        public synchronized MongoWriteException getCause() {
            return (MongoWriteException) super.getCause();
        }
    }

    private final MongoCollection<Document> events;
    private final PositionCounter counter;
    private final Tombstones tombstones;
    private final Clock clock;
    private final int maxAttempts;
    private volatile AllocationHook allocationHook = (first, count) -> { };

    CommitWriter(MongoCollection<Document> events, PositionCounter counter, Tombstones tombstones, Clock clock,
                 int maxAttempts) {
        this.events = events;
        this.counter = counter;
        this.tombstones = tombstones;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    void allocationHook(AllocationHook hook) {
        this.allocationHook = hook;
    }

    /** Commits the serialized events; returns the first position they were given. */
    long append(List<Document> serializedEvents) throws StreamConflict {
        List<String> streamKeys = CommitDocuments.streamKeysOf(serializedEvents);
        int count = serializedEvents.size();
        for (int attempt = 1; ; attempt++) {
            long first = counter.allocate(count);
            try {
                allocationHook.allocated(first, count);
                events.insertOne(CommitDocuments.commit(first, serializedEvents, streamKeys, clock.instant()));
                return first;
            } catch (RuntimeException e) {
                if (!isDuplicateKey(e)) {
                    if (settledAsCommitted(first, count, serializedEvents, e)) {
                        return first;
                    }
                    throw e instanceof MongoException ? new EventStoreException(
                            "Could not store " + count + " event(s)", e) : e;
                }
                Set<Long> taken = tombstones.ownedAmong(CommitDocuments.range(first, count));
                tombstones.release(first, count);
                if (taken.isEmpty()) {
                    throw new StreamConflict(firstConflictingEvent(serializedEvents, streamKeys),
                            (MongoWriteException) e);
                }
                if (attempt >= maxAttempts) {
                    throw new EventStoreException("Readers tombstoned this commit's positions " + attempt
                            + " times in a row; is the gap timeout far too short for this store?", e);
                }
            }
        }
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * After an error of unknown outcome (a timeout, a dropped connection), gives the positions back, or finds
     * them owned by our own commit if it did land after all: the tombstone and the commit cannot both win.
     */
    private boolean settledAsCommitted(long first, int count, List<Document> serializedEvents, RuntimeException cause) {
        try {
            tombstones.release(first, count);
            return isCommitted(first, serializedEvents);
        } catch (RuntimeException releaseFailure) {
            cause.addSuppressed(releaseFailure);
            return false;
        }
    }

    private boolean isCommitted(long first, List<Document> serializedEvents) {
        try {
            Document stored = events.find(new Document(CommitDocuments.ID, first)).first();
            if (stored == null || stored.getBoolean(CommitDocuments.TOMBSTONE, false)) {
                return false;
            }
            List<Document> storedEvents = CommitDocuments.events(stored);
            return !storedEvents.isEmpty() && storedEvents.getFirst().getString(CommitDocuments.EVENT_ID)
                    .equals(serializedEvents.getFirst().getString(CommitDocuments.EVENT_ID));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int firstConflictingEvent(List<Document> serializedEvents, List<String> streamKeys) {
        if (streamKeys.isEmpty()) {
            return 0;
        }
        Set<String> taken = new HashSet<>();
        Document filter = new Document(CommitDocuments.STREAM_KEYS, new Document("$in", streamKeys));
        for (Document other : events.find(filter).projection(new Document(CommitDocuments.STREAM_KEYS, 1))) {
            taken.addAll(other.getList(CommitDocuments.STREAM_KEYS, String.class));
        }
        for (int i = 0; i < serializedEvents.size(); i++) {
            Document event = serializedEvents.get(i);
            String aggregateId = event.getString(CommitDocuments.AGGREGATE_ID);
            if (aggregateId != null
                    && taken.contains(CommitDocuments.streamKey(aggregateId, event.getLong(CommitDocuments.SEQUENCE)))) {
                return i;
            }
        }
        return 0;
    }
}
