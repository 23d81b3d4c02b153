package uk.encounters.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

/**
 * Hands out blocks of global positions. Positions start at 1, so a token at 0 means "nothing seen yet".
 * An allocated position is a promise: it is either committed or tombstoned, never silently skipped.
 */
final class PositionCounter {

    private static final String COUNTER_ID = "events";
    private static final String NEXT = "next";
    static final long FIRST_POSITION = 1;

    private final MongoCollection<Document> counters;

    PositionCounter(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** Creating the counter up front keeps allocation a plain update: concurrent upserts can race into a duplicate. */
    void ensureExists() {
        try {
            counters.insertOne(new Document("_id", COUNTER_ID).append(NEXT, FIRST_POSITION));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Returns the first of {@code count} consecutive positions. The document before the increment is what we
     * read back: on the embedded server, reading the document after {@code $inc} under concurrency gave overlapping
     * ranges, while the value before it never did.
     */
    long allocate(int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", COUNTER_ID),
                new Document("$inc", new Document(NEXT, (long) count)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("The position counter is missing; was the schema created?");
        }
        return before.get(NEXT, Number.class).longValue();
    }

    /** The first position not yet handed out: every position below it is committed, in flight or tombstoned. */
    long next() {
        Document counter = counters.find(new Document("_id", COUNTER_ID)).first();
        return counter == null ? FIRST_POSITION : counter.get(NEXT, Number.class).longValue();
    }
}
