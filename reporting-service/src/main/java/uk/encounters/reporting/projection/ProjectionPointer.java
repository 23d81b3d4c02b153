package uk.encounters.reporting.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * Which generation of a projection serves reads and which, if any, is being built: one document in
 * {@code projections}, {@code _id} the projection's name. Every change is a single-document update whose filter
 * states what it expects, so of several instances racing to start a rebuild or to switch over, exactly one wins,
 * without transactions.
 */
final class ProjectionPointer {

    static final String COLLECTION = "projections";

    /**
     * @param groupPrefix chosen when the document is created; consumer groups are named after it, so a projection
     *                    whose database was emptied (and its pointer with it) starts new groups from the beginning of
     *                    the topics instead of resuming old groups' offsets into empty collections
     * @param building    null unless a rebuild is running
     * @param switchedAt  when {@code serving} last changed (or the document was created)
     */
    record Generations(long serving, Long building, String groupPrefix, Instant switchedAt, Instant buildStartedAt) {

        /** What readers use before any instance has written the document. */
        static final Generations INITIAL = new Generations(1, null, null, null, null);

        String group(long generation) {
            return groupPrefix + "-g" + generation;
        }
    }

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> pointers;
    private final String projection;

    ProjectionPointer(MongoDatabase database, String projection) {
        this.pointers = database.getCollection(COLLECTION);
        this.projection = projection;
    }

    /** The pointer, or {@link Generations#INITIAL} if nobody has created it yet. */
    Generations read() {
        Document document = pointers.find(new Document("_id", projection)).first();
        return document == null ? Generations.INITIAL : generations(document);
    }

    /** The pointer, created at generation 1 if missing. */
    Generations readOrCreate(String groupPrefixBase, Instant now) {
        Document document = pointers.find(new Document("_id", projection)).first();
        if (document != null) {
            return generations(document);
        }
        try {
            pointers.updateOne(new Document("_id", projection), new Document("$setOnInsert",
                    new Document("serving", 1L)
                            .append("groupPrefix", groupPrefixBase + "-" + UUID.randomUUID().toString().substring(0, 8))
                            .append("switchedAt", Date.from(now))), UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance created it first
        }
        return generations(pointers.find(new Document("_id", projection)).first());
    }

    /**
     * Starts building generation {@code serving + 1}, unless a build is running already.
     *
     * @return whether this call started it
     */
    boolean startBuild(Generations current, Instant now) {
        Document expected = new Document("_id", projection).append("serving", current.serving())
                .append("building", null);
        Document update = new Document("$set", new Document("building", current.serving() + 1)
                .append("buildStartedAt", Date.from(now)));
        return pointers.updateOne(expected, update).getModifiedCount() == 1;
    }

    /**
     * Makes the generation being built the serving one.
     *
     * @return whether this call switched (false if another instance did, or the build is no longer running)
     */
    boolean switchTo(long building, Instant now) {
        Document expected = new Document("_id", projection).append("building", building);
        Document update = new Document("$set", new Document("serving", building).append("switchedAt", Date.from(now)))
                .append("$unset", new Document("building", "").append("buildStartedAt", ""));
        return pointers.updateOne(expected, update).getModifiedCount() == 1;
    }

    private static Generations generations(Document document) {
        Number building = document.get("building", Number.class);
        return new Generations(document.get("serving", Number.class).longValue(),
                building == null ? null : building.longValue(), document.getString("groupPrefix"),
                instant(document.getDate("switchedAt")), instant(document.getDate("buildStartedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
