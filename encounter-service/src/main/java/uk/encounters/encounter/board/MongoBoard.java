package uk.encounters.encounter.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

@Component
class MongoBoard implements Board {

    private final MongoCollection<Document> shoutOuts;

    MongoBoard(MongoDatabase database) {
        this.shoutOuts = database.getCollection(BoardProjection.SHOUT_OUTS);
    }

    @Override
    public Optional<BoardShoutOut> shoutOut(String shoutOutId) {
        if (shoutOutId == null) {
            return Optional.empty();
        }
        Document found = shoutOuts.find(new Document("_id", shoutOutId)).first();
        // A closing event that overtook its posting (another partition) leaves a document without details.
        return found == null || found.getString("startDate") == null
                ? Optional.empty() : Optional.of(BoardProjection.toShoutOut(found));
    }
}
