package uk.encounters.school.shoutout;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The end dates of open shout-outs, for the expiry job. Only open ones are kept, so the job's scan stays as small
 * as the number of shout-outs open at once, however many have ever been posted.
 */
@Component
@ProcessingGroup(ShoutOutProjections.GROUP)
class ShoutOutDeadlines {

    static final String COLLECTION = "shout_out_deadlines";

    private final MongoCollection<Document> deadlines;

    ShoutOutDeadlines(MongoDatabase database) {
        this.deadlines = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(ShoutOutPosted e) {
        open(e.shoutOutId(), e.endDate().toString());
    }

    @EventHandler
    void on(ShoutOutChanged e) {
        open(e.shoutOutId(), e.endDate().toString());
    }

    @EventHandler
    void on(ShoutOutWithdrawn e) {
        closed(e.shoutOutId());
    }

    @EventHandler
    void on(ShoutOutExpired e) {
        closed(e.shoutOutId());
    }

    @EventHandler
    void on(ShoutOutFilled e) {
        closed(e.shoutOutId());
    }

    private void open(String shoutOutId, String endDate) {
        deadlines.replaceOne(new Document("_id", shoutOutId), new Document("_id", shoutOutId).append("endDate", endDate),
                new ReplaceOptions().upsert(true));
    }

    void closed(String shoutOutId) {
        deadlines.deleteOne(new Document("_id", shoutOutId));
    }
}
