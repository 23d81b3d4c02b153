package uk.encounters.platform.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;

/**
 * Reads the global stream in strict position order. It never passes a position that is allocated but not yet
 * visible: it stops there, and only once this JVM has waited the gap timeout for it does it tombstone the
 * position, after which the unique index guarantees the late writer's commit cannot appear behind the reader.
 *
 * <p>Every query is a point or {@code $in} lookup on {@code _id} (a commit's first position) or on
 * {@code positions}: range and sorted queries scan whole collections on the embedded server.
 */
final class TrackingReader {

    private static final int MAX_LOST_RACES = 5;

    private final MongoCollection<Document> events;
    private final PositionCounter counter;
    private final Tombstones tombstones;
    private final GapTimer gaps;
    private final int window;
    private volatile boolean gapHandling = true;

    TrackingReader(MongoCollection<Document> events, PositionCounter counter, Tombstones tombstones, GapTimer gaps,
                   int window) {
        this.events = events;
        this.counter = counter;
        this.tombstones = tombstones;
        this.gaps = gaps;
        this.window = window;
    }

    /**
     * Events after {@code lastDelivered} in position order, up to the first position that is not resolved yet.
     * May return more than one window's worth when a commit extends past the window; returns nothing at the head
     * or in front of a young gap.
     */
    List<TrackedEventData<?>> readAfter(long lastDelivered) {
        List<TrackedEventData<?>> result = new ArrayList<>();
        long cursor = lastDelivered + 1;
        boolean mayStartInsideCommit = true;
        int lostRaces = 0;
        while (result.isEmpty()) {
            long horizon = counter.next();
            if (cursor >= horizon) {
                break;
            }
            long windowEnd = Math.min(cursor + window - 1, horizon - 1);
            NavigableMap<Long, Document> byFirst = commitsStartingIn(cursor, windowEnd);
            Document document = byFirst.get(cursor);
            if (document == null && mayStartInsideCommit) {
                // The previous batch may have ended inside a multi-event commit.
                document = events.find(new Document(CommitDocuments.POSITIONS, cursor)).first();
            }
            mayStartInsideCommit = false;
            while (cursor <= windowEnd) {
                if (document != null) {
                    appendFrom(document, cursor, result);
                    cursor = CommitDocuments.lastPosition(document) + 1;
                    document = byFirst.get(cursor);
                    continue;
                }
                Long nextStart = byFirst.higherKey(cursor);
                long runEnd = nextStart == null ? windowEnd : nextStart - 1;
                long claimable = gapHandling ? gaps.expiredThrough(cursor, runEnd, horizon) : runEnd;
                if (claimable < cursor) {
                    gaps.resolvedBelow(cursor);
                    return result;
                }
                if (!gapHandling || tombstones.tryClaim(cursor, claimable)) {
                    cursor = claimable + 1;
                    document = byFirst.get(cursor);
                    continue;
                }
                // The late writer (or another reader) won the race for these positions: look again.
                if (!result.isEmpty() || ++lostRaces > MAX_LOST_RACES) {
                    return result;
                }
                mayStartInsideCommit = true;
                break;
            }
        }
        gaps.resolvedBelow(cursor);
        return result;
    }

    /** Test hook: with gap handling off the reader skips whatever is not visible, as a naive reader would. */
    void gapHandling(boolean enabled) {
        this.gapHandling = enabled;
    }

    private NavigableMap<Long, Document> commitsStartingIn(long first, long last) {
        List<Long> ids = CommitDocuments.range(first, Math.toIntExact(last - first + 1));
        NavigableMap<Long, Document> byFirst = new TreeMap<>();
        for (Document document : events.find(new Document(CommitDocuments.ID, new Document("$in", ids)))) {
            byFirst.put(CommitDocuments.firstPosition(document), document);
        }
        return byFirst;
    }

    private static void appendFrom(Document commit, long fromPosition, List<TrackedEventData<?>> result) {
        long first = CommitDocuments.firstPosition(commit);
        List<Document> commitEvents = CommitDocuments.events(commit);
        for (int i = Math.toIntExact(Math.max(0, fromPosition - first)); i < commitEvents.size(); i++) {
            result.add(StoredEvents.trackedEvent(commitEvents.get(i), first + i));
        }
    }
}
