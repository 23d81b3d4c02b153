package uk.encounters.school.institution;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One school per URN, across streams: a claim document keyed by the URN. A claim whose school never came into being
 * (the process died between claiming and registering) is taken over instead of blocking the URN for ever.
 */
@Component
class UrnClaims {

    private final MongoCollection<Document> claims;

    UrnClaims(MongoDatabase database) {
        this.claims = database.getCollection("school_urns");
    }

    /** Returns the school that holds the URN if it is another existing school; empty if the claim is ours now. */
    java.util.Optional<String> claim(String urn, String schoolId, Predicate<String> schoolExists) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(new Document("_id", urn).append("schoolId", schoolId));
                return java.util.Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document holder = claims.find(new Document("_id", urn)).first();
            if (holder == null) {
                continue; // released meanwhile
            }
            String holderId = holder.getString("schoolId");
            if (holderId.equals(schoolId)) {
                return java.util.Optional.empty();
            }
            if (schoolExists.test(holderId)) {
                return java.util.Optional.of(holderId);
            }
            claims.replaceOne(new Document("_id", urn).append("schoolId", holderId),
                    new Document("_id", urn).append("schoolId", schoolId));
        }
        throw new IllegalStateException("URN claim kept changing under us");
    }

    void release(String urn, String schoolId) {
        claims.deleteOne(new Document("_id", urn).append("schoolId", schoolId));
    }
}
