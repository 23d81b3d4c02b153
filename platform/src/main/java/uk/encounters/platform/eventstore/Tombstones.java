package uk.encounters.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Claims positions that will never hold events. The unique index on positions is the referee: whichever of the
 * real commit and the tombstone is inserted first owns a position, so a reader never skips a late commit and a
 * writer that lost learns it from a duplicate key.
 */
final class Tombstones {

    private final MongoCollection<Document> events;
    private final Clock clock;

    Tombstones(MongoCollection<Document> events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** True if this call now owns {@code first..last}; false if another document owns any of them. */
    boolean tryClaim(long first, long last) {
        try {
            events.insertOne(CommitDocuments.tombstone(first, Math.toIntExact(last - first + 1), clock.instant()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Which of the given positions some document already owns. */
    Set<Long> ownedAmong(List<Long> positions) {
        Set<Long> owned = new HashSet<>();
        Document filter = new Document(CommitDocuments.POSITIONS, new Document("$in", positions));
        for (Document document : events.find(filter).projection(new Document(CommitDocuments.POSITIONS, 1))) {
            owned.addAll(document.getList(CommitDocuments.POSITIONS, Long.class));
        }
        owned.retainAll(positions);
        return owned;
    }

    /**
     * Gives back positions a writer allocated but will not use, so readers need not wait a gap timeout for them.
     * Best effort: anything left unclaimed is tombstoned by a reader later.
     */
    void release(long first, int count) {
        List<Long> positions = CommitDocuments.range(first, count);
        for (int attempt = 0; attempt < 3; attempt++) {
            Set<Long> owned = ownedAmong(positions);
            boolean allClaimed = true;
            long runStart = -1;
            for (long position = first; position <= first + count; position++) {
                boolean free = position < first + count && !owned.contains(position);
                if (free && runStart < 0) {
                    runStart = position;
                } else if (!free && runStart >= 0) {
                    allClaimed &= tryClaim(runStart, position - 1);
                    runStart = -1;
                }
            }
            if (allClaimed) {
                return;
            }
        }
    }
}
