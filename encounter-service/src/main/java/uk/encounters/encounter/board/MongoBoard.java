package uk.encounters.encounter.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Component;

@Component
class MongoBoard implements Board {

    private final MongoCollection<Document> shoutOuts;
    private final MongoCollection<Document> schools;

    MongoBoard(MongoDatabase database) {
        this.shoutOuts = database.getCollection(BoardProjection.SHOUT_OUTS);
        this.schools = database.getCollection(BoardProjection.SCHOOLS);
    }

    @Override
    public Optional<BoardShoutOut> shoutOut(String shoutOutId) {
        return shoutOutId == null ? Optional.empty() : Optional.ofNullable(shoutOuts(Set.of(shoutOutId)).get(shoutOutId));
    }

    @Override
    public Map<String, BoardShoutOut> shoutOuts(Collection<String> shoutOutIds) {
        Map<String, BoardShoutOut> found = new HashMap<>();
        // A closing event that overtook its posting (another partition) leaves a document without details.
        shoutOuts.find(byIds(shoutOutIds)).forEach(d -> {
            if (d.getString("startDate") != null) {
                found.put(d.getString("_id"), BoardProjection.toShoutOut(d));
            }
        });
        return found;
    }

    @Override
    public Map<String, String> schoolNames(Collection<String> schoolIds) {
        Map<String, String> names = new HashMap<>();
        schools.find(byIds(schoolIds)).forEach(d -> {
            if (d.getString("name") != null) {
                names.put(d.getString("_id"), d.getString("name"));
            }
        });
        return names;
    }

    /** One {@code _id $in} lookup: indexed on MongoDB and on the embedded server alike. */
    private static Document byIds(Collection<String> ids) {
        Set<String> distinct = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return new Document("_id", new Document("$in", distinct));
    }
}
