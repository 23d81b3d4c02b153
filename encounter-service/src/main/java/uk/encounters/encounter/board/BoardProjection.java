package uk.encounters.encounter.board;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * The board employers browse, built from school-service's events. It holds what an employer needs to decide to
 * volunteer, and nothing about pupils (school-service never publishes pupil data on shout-outs anyway).
 */
@Component
class BoardProjection {

    static final String SHOUT_OUTS = "board_shout_outs";
    static final String SCHOOLS = "board_schools";

    private final IdempotentUpdates shoutOuts;
    private final IdempotentUpdates schools;

    BoardProjection(MongoDatabase database) {
        MongoCollection<Document> shoutOutCollection = database.getCollection(SHOUT_OUTS);
        this.shoutOuts = new IdempotentUpdates(shoutOutCollection);
        this.schools = new IdempotentUpdates(database.getCollection(SCHOOLS));
    }

    @KafkaListener(id = "encounter-board", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        if (received.event() instanceof SchoolEvent event) {
            apply(received, event);
        }
    }

    private void apply(ReceivedEvent<?> received, SchoolEvent event) {
        switch (event) {
            case SchoolRegistered e -> schools.applyOnce(e.schoolId(), received,
                    combine(set("name", e.name()), set("hubId", e.hubId())));
            case ShoutOutPosted e -> shoutOuts.applyOnce(e.shoutOutId(), received, posted(e));
            default -> {
                // other school events do not change the board yet
            }
        }
    }

    private static Bson posted(ShoutOutPosted e) {
        return combine(
                set("schoolId", e.schoolId()),
                set("hubId", e.hubId()),
                set("title", e.title()),
                set("description", e.description()),
                set("activityType", e.activityType().name()),
                set("sectors", e.sectors()),
                set("yearGroups", e.yearGroups()),
                set("places", e.places()),
                set("startDate", e.startDate().toString()),
                set("endDate", e.endDate().toString()),
                set("mode", e.mode().name()),
                set("location", e.location()),
                set("status", BoardStatus.OPEN.name()));
    }

    enum BoardStatus {
        OPEN, WITHDRAWN, EXPIRED, FILLED;

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(Enum::name).toList();
        }
    }
}
