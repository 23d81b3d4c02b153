package uk.encounters.platform.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The shape of the documents in the events collection. A commit holds the events of one {@code appendEvents} call;
 * event {@code i} owns global position {@code _id + i}. A tombstone owns positions that a writer allocated but never
 * committed in time, and holds no events.
 *
 * <pre>
 * { _id: 41, positions: [41, 42], streamKeys: ["order-7:3", "order-7:4"], committedAt: ISODate,
 *   events: [ { id, aggregateType, aggregateId, sequence, timestamp, payloadType, payloadRevision, payload,
 *               metaData }, ... ] }
 * { _id: 43, positions: [43], streamKeys: ["#43"], committedAt: ISODate, events: [], tombstone: true }
 * </pre>
 */
final class CommitDocuments {

    static final String ID = "_id";
    static final String POSITIONS = "positions";
    static final String STREAM_KEYS = "streamKeys";
    static final String COMMITTED_AT = "committedAt";
    static final String EVENTS = "events";
    static final String TOMBSTONE = "tombstone";

    static final String EVENT_ID = "id";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequence";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private CommitDocuments() {
    }

    /**
     * The key that makes (aggregate, sequence) unique. Sequences are digits, so splitting at the last colon is
     * unambiguous even for identifiers that contain colons.
     */
    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + ':' + sequence;
    }

    /**
     * Every document needs at least one stream key: a unique index treats a missing or empty array as a null key,
     * and a second document without keys would then collide. The key has no colon, so it never equals a real one.
     */
    private static String ownKey(long firstPosition) {
        return "#" + firstPosition;
    }

    /** Serializes events once, before positions are allocated, so a retry after a lost race reuses the work. */
    static List<Document> serializeEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> result = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            Document document = new Document(EVENT_ID, event.getIdentifier());
            if (event instanceof DomainEventMessage<?> domainEvent) {
                putIfNotNull(document, AGGREGATE_TYPE, domainEvent.getType());
                document.append(AGGREGATE_ID, domainEvent.getAggregateIdentifier())
                        .append(SEQUENCE, domainEvent.getSequenceNumber());
            }
            document.append(TIMESTAMP, event.getTimestamp().toString())
                    .append(PAYLOAD_TYPE, payload.getType().getName());
            putIfNotNull(document, PAYLOAD_REVISION, payload.getType().getRevision());
            document.append(PAYLOAD, payload.getData())
                    .append(META_DATA, metaData.getData());
            result.add(document);
        }
        return result;
    }

    static List<String> streamKeysOf(List<Document> events) {
        List<String> keys = new ArrayList<>();
        for (Document event : events) {
            String aggregateId = event.getString(AGGREGATE_ID);
            if (aggregateId != null) {
                keys.add(streamKey(aggregateId, event.getLong(SEQUENCE)));
            }
        }
        return keys;
    }

    static Document commit(long firstPosition, List<Document> events, List<String> streamKeys, Instant now) {
        List<String> keys = streamKeys.isEmpty() ? List.of(ownKey(firstPosition)) : streamKeys;
        return new Document(ID, firstPosition)
                .append(POSITIONS, range(firstPosition, events.size()))
                .append(STREAM_KEYS, keys)
                .append(COMMITTED_AT, java.util.Date.from(now))
                .append(EVENTS, events);
    }

    static Document tombstone(long firstPosition, int count, Instant now) {
        return new Document(ID, firstPosition)
                .append(POSITIONS, range(firstPosition, count))
                .append(STREAM_KEYS, List.of(ownKey(firstPosition)))
                .append(COMMITTED_AT, java.util.Date.from(now))
                .append(EVENTS, List.of())
                .append(TOMBSTONE, true);
    }

    static List<Long> range(long first, int count) {
        List<Long> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(first + i);
        }
        return positions;
    }

    static long firstPosition(Document commit) {
        return commit.getLong(ID);
    }

    /** Number of positions the document owns; a tombstone owns positions but holds no events. */
    static int size(Document commit) {
        return commit.getList(POSITIONS, Long.class).size();
    }

    static long lastPosition(Document commit) {
        return firstPosition(commit) + size(commit) - 1;
    }

    static List<Document> events(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }

    private static void putIfNotNull(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}
