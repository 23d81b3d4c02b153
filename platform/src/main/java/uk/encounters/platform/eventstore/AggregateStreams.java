package uk.encounters.platform.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

/**
 * Reads one aggregate's events through the unique stream-key index: the keys of consecutive sequence numbers are
 * known in advance, so a load is two {@code $in} lookups per batch (commit ids, then commits) and never a range
 * scan.
 */
final class AggregateStreams {

    private final MongoCollection<Document> events;

    AggregateStreams(MongoCollection<Document> events) {
        this.events = events;
    }

    /** Up to {@code batchSize} (more if a commit runs past it) consecutive events from {@code firstSequence}. */
    List<DomainEventData<?>> read(String aggregateId, long firstSequence, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            keys.add(CommitDocuments.streamKey(aggregateId, firstSequence + i));
        }
        // $in on a multikey field can return a document once per matching key (the embedded server does): a commit
        // of 2,000 events matched by a batch of 100 keys came back 100 times, past the server's reply limit. So find
        // the distinct commits by id first (tiny documents), then read each commit once through the _id index.
        Set<Object> ids = new LinkedHashSet<>();
        events.find(new Document(CommitDocuments.STREAM_KEYS, new Document("$in", keys)))
              .projection(new Document(CommitDocuments.ID, 1))
              .forEach(commit -> ids.add(commit.get(CommitDocuments.ID)));
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        TreeMap<Long, Document> bySequence = new TreeMap<>();
        for (Document commit : events.find(new Document(CommitDocuments.ID, new Document("$in", List.copyOf(ids))))) {
            if (!seen.add(CommitDocuments.firstPosition(commit))) {
                continue;
            }
            for (Document event : CommitDocuments.events(commit)) {
                if (aggregateId.equals(event.getString(CommitDocuments.AGGREGATE_ID))) {
                    long sequence = event.getLong(CommitDocuments.SEQUENCE);
                    if (sequence >= firstSequence) {
                        bySequence.put(sequence, event);
                    }
                }
            }
        }
        List<DomainEventData<?>> result = new ArrayList<>(bySequence.size());
        long expected = firstSequence;
        for (var entry : bySequence.entrySet()) {
            if (entry.getKey() != expected++) {
                break; // a stream is contiguous; never hand Axon a hole
            }
            result.add(StoredEvents.domainEvent(entry.getValue()));
        }
        return result;
    }

    /** Exponential probe then binary search on key existence: O(log n) point lookups, whatever the length. */
    Optional<Long> lastSequence(String aggregateId) {
        if (!exists(aggregateId, 0)) {
            return Optional.empty();
        }
        long present = 0;
        long absent = 1;
        while (exists(aggregateId, absent)) {
            present = absent;
            absent = absent * 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(aggregateId, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return Optional.of(present);
    }

    private boolean exists(String aggregateId, long sequence) {
        Document filter = new Document(CommitDocuments.STREAM_KEYS, CommitDocuments.streamKey(aggregateId, sequence));
        return events.find(filter).projection(new Document(CommitDocuments.ID, 1)).first() != null;
    }
}
