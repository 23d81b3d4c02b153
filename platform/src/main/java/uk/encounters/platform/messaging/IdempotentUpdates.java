package uk.encounters.platform.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies a projection update to one document at most once per event, so a redelivered or replayed event changes
 * nothing, even for non-idempotent updates such as {@code $inc} or {@code $push}.
 * <p>
 * Each document remembers, per source aggregate, the highest aggregate sequence applied to it (under
 * {@value #APPLIED}). The update and that check are one atomic single-document write: the filter matches only while
 * the stored sequence is older, and the upsert creates a missing document. When the document exists with a newer
 * or equal sequence, the upsert collides with its {@code _id} (duplicate key), which means "already applied". This
 * needs no transactions, so it behaves the same on MongoDB and on the embedded wire server (where, note, a filter
 * beyond {@code _id} scans the collection: fine for tests and local runs, not a production setting).
 * <p>
 * Events of one aggregate arrive in order on their partition, so "newer than stored" is exactly "not yet applied".
 */
public final class IdempotentUpdates {

    /** Field holding the applied sequence per aggregate id. */
    public static final String APPLIED = "_applied";

    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> collection;

    public IdempotentUpdates(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Applies {@code update} to the document {@code documentId} (creating it) unless this event, or a later one of
     * the same aggregate, was applied to it already.
     *
     * @return true if applied now, false if it had been
     */
    public boolean applyOnce(Object documentId, ReceivedEvent<?> event, Bson update) {
        if (event.aggregateId() == null || event.aggregateSequence() == null) {
            throw new IllegalArgumentException("Event " + event.eventId() + " (" + event.type()
                    + ") has no aggregate sequence to deduplicate on");
        }
        return applyOnce(documentId, event.aggregateId(), event.aggregateSequence(), update);
    }

    public boolean applyOnce(Object documentId, String aggregateId, long sequence, Bson update) {
        String field = APPLIED + "." + fieldName(aggregateId);
        // A plain document rather than Filters.and: _id stays a top-level equality, which is what an upsert copies
        // into the document it creates.
        Bson filter = new Document("_id", documentId)
                .append(field, new Document("$not", new Document("$gte", sequence)));
        Bson guarded = Updates.combine(update, Updates.set(field, sequence));
        for (int attempt = 1; ; attempt++) {
            try {
                collection.updateOne(filter, guarded, new UpdateOptions().upsert(true));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (alreadyApplied(documentId, field, sequence)) {
                    return false;
                }
                // Another aggregate's event created the document between our match and our insert: go again.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The sequence of the aggregate's latest event applied to the document, or -1. */
    public long appliedSequence(Object documentId, String aggregateId) {
        String field = APPLIED + "." + fieldName(aggregateId);
        Document doc = collection.find(Filters.eq("_id", documentId)).projection(Projections.include(field)).first();
        if (doc == null) {
            return -1;
        }
        Object applied = doc.get(APPLIED) instanceof Document map ? map.get(fieldName(aggregateId)) : null;
        return applied instanceof Number n ? n.longValue() : -1;
    }

    private boolean alreadyApplied(Object documentId, String field, long sequence) {
        String aggregateKey = field.substring(APPLIED.length() + 1);
        Document doc = collection.find(Filters.eq("_id", documentId))
                .projection(Projections.include(field)).first();
        Object applied = doc != null && doc.get(APPLIED) instanceof Document map ? map.get(aggregateKey) : null;
        return applied instanceof Number n && n.longValue() >= sequence;
    }

    /** Aggregate ids become field names: dots would nest and a leading dollar is an operator. */
    public static String fieldName(String aggregateId) {
        return aggregateId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
