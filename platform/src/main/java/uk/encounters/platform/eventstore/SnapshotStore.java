package uk.encounters.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The latest snapshot per aggregate, keyed by aggregate id. A snapshot only replaces an older one: the swap is a
 * compare-and-set on (id, sequence), which the embedded server can only answer through an index on exactly those
 * two keys, hence the otherwise redundant unique index.
 */
final class SnapshotStore {

    private static final String SEQUENCE = CommitDocuments.SEQUENCE;
    private static final String AGGREGATE_TYPE = CommitDocuments.AGGREGATE_TYPE;
    private static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void ensureIndexes() {
        snapshots.createIndex(new Document("_id", 1).append(SEQUENCE, 1),
                new IndexOptions().unique(true).name("snapshot_id_sequence"));
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document replacement = toDocument(snapshot, serializer);
        String aggregateId = snapshot.getAggregateIdentifier();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = snapshots.find(new Document("_id", aggregateId))
                                        .projection(new Document(SEQUENCE, 1)).first();
            if (current == null) {
                if (insert(replacement)) {
                    return;
                }
                continue;
            }
            long currentSequence = current.getLong(SEQUENCE);
            if (currentSequence >= snapshot.getSequenceNumber()) {
                return;
            }
            Document expected = new Document("_id", aggregateId).append(SEQUENCE, currentSequence);
            if (snapshots.replaceOne(expected, replacement).getMatchedCount() == 1) {
                return;
            }
        }
        // Someone keeps writing snapshots for this aggregate; theirs are as good as ours.
    }

    Optional<DomainEventData<?>> read(String aggregateId) {
        Document document = snapshots.find(new Document("_id", aggregateId)).first();
        return Optional.ofNullable(document).map(SnapshotStore::fromDocument);
    }

    private boolean insert(Document snapshot) {
        try {
            snapshots.insertOne(snapshot);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Document toDocument(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(CommitDocuments.EVENT_ID, snapshot.getIdentifier())
                .append(CommitDocuments.TIMESTAMP, snapshot.getTimestamp().toString())
                .append(CommitDocuments.PAYLOAD_TYPE, payload.getType().getName())
                .append(CommitDocuments.PAYLOAD, payload.getData())
                .append(CommitDocuments.META_DATA, metaData.getData());
        if (payload.getType().getRevision() != null) {
            document.append(CommitDocuments.PAYLOAD_REVISION, payload.getType().getRevision());
        }
        return document;
    }

    private static DomainEventData<?> fromDocument(Document document) {
        // Same field names as a stored event, plus the aggregate id that serves as the key here.
        return StoredEvents.domainEvent(new Document(document).append(CommitDocuments.AGGREGATE_ID,
                document.getString("_id")));
    }
}
