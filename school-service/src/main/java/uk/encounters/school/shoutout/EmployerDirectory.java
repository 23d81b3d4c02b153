package uk.encounters.school.shoutout;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.encounter.EmployerRegistered;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Who the employers behind offers are (name, sector, size), learnt from encounter-service's
 * {@code EmployerRegistered}, so the school sees who offered. One document per employer ({@code _id} the employer
 * id), each event applied at most once and in order. The postcode is not kept: the school's pages do not show it.
 * <p>
 * Offers keep only the employer id and the views look the employer up when read, so the order in which an offer and
 * its employer's registration arrive does not matter: the name shows once both have. A consumer group of its own,
 * which starts at the beginning of the topic, so employers registered before this existed are learnt too.
 */
@Component
class EmployerDirectory {

    static final String EMPLOYERS = "employers";

    private final MongoCollection<Document> employers;
    private final IdempotentUpdates updates;

    EmployerDirectory(MongoDatabase database) {
        this.employers = database.getCollection(EMPLOYERS);
        this.updates = new IdempotentUpdates(employers);
    }

    @KafkaListener(id = "school-employers", topics = "${encounters.topics.encounter:encounter.events}")
    void on(ReceivedEvent<?> received) {
        if (received.event() instanceof EmployerRegistered e) {
            updates.applyOnce(e.employerId(), received, combine(set("name", e.name()), set("sector", e.sector()),
                    set("size", e.size() == null ? null : e.size().name())));
        }
    }

    record Employer(String name, String sector, String size) {
    }

    /** The employers known among these ids, by id; one {@code $in} lookup. */
    Map<String, Employer> find(Collection<String> employerIds) {
        Map<String, Employer> found = new HashMap<>();
        if (employerIds.isEmpty()) {
            return found;
        }
        employers.find(new Document("_id", new Document("$in", List.copyOf(employerIds)))).forEach(d ->
                found.put(d.getString("_id"), new Employer(d.getString("name"), d.getString("sector"),
                        d.getString("size"))));
        return found;
    }
}
