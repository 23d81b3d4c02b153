package uk.encounters.school.roll;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The personal store: a pupil's UPN, names and date of birth, kept in this service's own collection and nowhere
 * else (not in events, which are kept for ever; not on Kafka; not in logs). Keyed by the opaque pupil id, with a
 * unique key per school and UPN, so an upload matches its pupils with one {@code $in} on that key and a roll is
 * joined with one {@code $in} on {@code _id}: the only lookups the embedded server answers from an index.
 * <p>
 * The same child at another school gets another pupil id: pupil ids are per school, like the rolls.
 */
@Component
class PupilRecords {

    static final String COLLECTION = "pupil_records";
    private static final String KEY = "schoolUpn";

    /** A pupil's personal data; {@code toString} names the id only, so it is safe in a log line by accident. */
    record PupilRecord(String pupilId, String schoolId, String upn, String forename, String surname,
                       LocalDate dateOfBirth) {

        boolean sameIdentityAs(RollLine line) {
            return forename.equals(line.forename()) && surname.equals(line.surname())
                    && dateOfBirth.equals(line.dateOfBirth());
        }

        @Override
        public String toString() {
            return "PupilRecord[" + pupilId + "]";
        }
    }

    /** Another upload for the school inserted one of the same new pupils first. */
    static final class ConcurrentUpload extends RuntimeException {
        ConcurrentUpload() {
            super("Another roll upload for this school added the same pupils", null, false, false);
        }
    }

    private final MongoCollection<Document> records;

    PupilRecords(MongoDatabase database) {
        this.records = database.getCollection(COLLECTION);
        records.createIndex(new Document(KEY, 1), new IndexOptions().unique(true).name("school_upn"));
    }

    /** The school's known pupils among these UPNs, by UPN. */
    Map<String, PupilRecord> findByUpn(String schoolId, Collection<String> upns) {
        List<String> keys = upns.stream().map(upn -> key(schoolId, upn)).toList();
        Map<String, PupilRecord> found = new HashMap<>();
        for (Document document : records.find(new Document(KEY, new Document("$in", keys)))) {
            PupilRecord record = fromDocument(document);
            found.put(record.upn(), record);
        }
        return found;
    }

    Map<String, PupilRecord> findById(Collection<String> pupilIds) {
        Map<String, PupilRecord> found = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return found;
        }
        for (Document document : records.find(new Document("_id", new Document("$in", List.copyOf(pupilIds))))) {
            PupilRecord record = fromDocument(document);
            found.put(record.pupilId(), record);
        }
        return found;
    }

    /** Inserts new pupils all at once; on a clash with a concurrent upload, removes its own and says so. */
    void insert(List<PupilRecord> pupils) {
        if (pupils.isEmpty()) {
            return;
        }
        try {
            records.insertMany(pupils.stream().map(PupilRecords::toDocument).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            delete(pupils);
            if (e.getWriteErrors().stream().allMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw new ConcurrentUpload();
            }
            throw e;
        }
    }

    /** Replaces the stored personal data of existing pupils (corrections, or undoing them). */
    void replace(List<PupilRecord> pupils) {
        if (pupils.isEmpty()) {
            return;
        }
        records.bulkWrite(pupils.stream()
                .map(pupil -> new ReplaceOneModel<>(new Document("_id", pupil.pupilId()), toDocument(pupil)))
                .toList());
    }

    void delete(List<PupilRecord> pupils) {
        if (pupils.isEmpty()) {
            return;
        }
        records.deleteMany(new Document("_id", new Document("$in",
                pupils.stream().map(PupilRecord::pupilId).toList())));
    }

    private static String key(String schoolId, String upn) {
        return schoolId + "|" + upn;
    }

    private static Document toDocument(PupilRecord pupil) {
        return new Document("_id", pupil.pupilId())
                .append(KEY, key(pupil.schoolId(), pupil.upn()))
                .append("schoolId", pupil.schoolId())
                .append("upn", pupil.upn())
                .append("forename", pupil.forename())
                .append("surname", pupil.surname())
                .append("dateOfBirth", pupil.dateOfBirth().toString());
    }

    private static PupilRecord fromDocument(Document document) {
        return new PupilRecord(document.getString("_id"), document.getString("schoolId"), document.getString("upn"),
                document.getString("forename"), document.getString("surname"),
                LocalDate.parse(document.getString("dateOfBirth")));
    }
}
