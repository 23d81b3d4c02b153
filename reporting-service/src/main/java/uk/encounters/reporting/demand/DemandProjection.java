package uk.encounters.reporting.demand;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoDatabase;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/** Shout-outs per hub with their offer counts: the unmet demand a hub coordinator watches. */
@Component
class DemandProjection {

    static final String SHOUT_OUTS = "demand_shout_outs";
    static final String SCHOOLS = "demand_schools";

    private final IdempotentUpdates shoutOuts;
    private final IdempotentUpdates schools;

    DemandProjection(MongoDatabase database) {
        this.shoutOuts = new IdempotentUpdates(database.getCollection(SHOUT_OUTS));
        this.schools = new IdempotentUpdates(database.getCollection(SCHOOLS));
    }

    @KafkaListener(id = "reporting-demand", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        if (!(received.event() instanceof SchoolEvent event)) {
            return;
        }
        switch (event) {
            case SchoolRegistered e -> schools.applyOnce(e.schoolId(), received,
                    combine(set("name", e.name()), set("hubId", e.hubId())));
            case ShoutOutPosted e -> shoutOuts.applyOnce(e.shoutOutId(), received, combine(
                    set("hubId", e.hubId()),
                    set("schoolId", e.schoolId()),
                    set("title", e.title()),
                    set("activityType", e.activityType().name()),
                    set("yearGroups", e.yearGroups()),
                    set("places", e.places()),
                    set("startDate", e.startDate().toString()),
                    set("endDate", e.endDate().toString()),
                    set("postedAt", received.occurredAt() == null ? null : received.occurredAt().toString()),
                    set("status", "OPEN"),
                    setOnInsert("offers", 0)));
            default -> {
                // not part of this view yet
            }
        }
    }
}
