package uk.encounters.identity.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.HubRegistered;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Which hubs exist and which hub each school is in, learnt from school-service's events (no synchronous calls):
 * invitations are checked against it. Like any projection it can lag a moment behind a hub or school just created.
 */
@Component
public class HubDirectory {

    static final String HUBS = "directory_hubs";
    static final String SCHOOLS = "directory_schools";

    private final MongoCollection<Document> hubs;
    private final MongoCollection<Document> schools;
    private final IdempotentUpdates hubUpdates;
    private final IdempotentUpdates schoolUpdates;

    public HubDirectory(MongoDatabase database) {
        this.hubs = database.getCollection(HUBS);
        this.schools = database.getCollection(SCHOOLS);
        this.hubUpdates = new IdempotentUpdates(hubs);
        this.schoolUpdates = new IdempotentUpdates(schools);
    }

    @KafkaListener(id = "identity-directory", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        switch (received.event()) {
            case HubRegistered e -> hubUpdates.applyOnce(e.hubId(), received, Updates.set("name", e.name()));
            case SchoolRegistered e -> schoolUpdates.applyOnce(e.schoolId(), received, Updates.set("hubId", e.hubId()));
            case SchoolMovedHub e -> schoolUpdates.applyOnce(e.schoolId(), received, Updates.set("hubId", e.hubId()));
            default -> {
                // pupils and shout-outs are none of this service's business
            }
        }
    }

    public boolean hubExists(String hubId) {
        return hubId != null && hubs.find(new Document("_id", hubId)).first() != null;
    }

    /** The hub the school is in now, if the school is known. */
    public Optional<String> hubOf(String schoolId) {
        if (schoolId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(schools.find(new Document("_id", schoolId)).first())
                .map(doc -> doc.getString("hubId"));
    }

    /** The schools in the hub now, as far as this service has heard. */
    public List<String> schoolsOf(String hubId) {
        List<String> ids = new ArrayList<>();
        if (hubId != null) {
            schools.find(new Document("hubId", hubId)).forEach(doc -> ids.add(doc.getString("_id")));
        }
        return ids;
    }
}
