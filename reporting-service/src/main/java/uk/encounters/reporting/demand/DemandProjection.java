package uk.encounters.reporting.demand;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoDatabase;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.encounter.EmployerOffered;
import uk.encounters.contracts.encounter.OfferWithdrawn;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.ShoutOutChanged;
import uk.encounters.contracts.school.ShoutOutExpired;
import uk.encounters.contracts.school.ShoutOutFilled;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.contracts.school.ShoutOutWithdrawn;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Shout-outs with their status and offer counts, and which hub each school is in: the unmet demand a hub coordinator
 * watches. The two topics are not ordered against each other, so an offer may arrive before its shout-out; every
 * update is an upsert of the fields that event knows, applied at most once per source aggregate and sequence.
 */
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

    @KafkaListener(id = "reporting-demand", topics = {"${encounters.topics.school:school.events}",
            "${encounters.topics.encounter:encounter.events}"})
    void on(ReceivedEvent<?> received) {
        switch (received.event()) {
            case SchoolRegistered e -> schools.applyOnce(e.schoolId(), received,
                    combine(set("name", e.name()), set("hubId", e.hubId())));
            case SchoolMovedHub e -> schools.applyOnce(e.schoolId(), received, set("hubId", e.hubId()));
            case ShoutOutPosted e -> shoutOuts.applyOnce(e.shoutOutId(), received, combine(
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
            case ShoutOutChanged e -> shoutOuts.applyOnce(e.shoutOutId(), received, combine(
                    set("title", e.title()),
                    set("activityType", e.activityType().name()),
                    set("yearGroups", e.yearGroups()),
                    set("places", e.places()),
                    set("startDate", e.startDate().toString()),
                    set("endDate", e.endDate().toString())));
            case ShoutOutWithdrawn e -> shoutOuts.applyOnce(e.shoutOutId(), received, set("status", "WITHDRAWN"));
            case ShoutOutExpired e -> shoutOuts.applyOnce(e.shoutOutId(), received, set("status", "EXPIRED"));
            case ShoutOutFilled e -> shoutOuts.applyOnce(e.shoutOutId(), received, set("status", "FILLED"));
            case EmployerOffered e when e.shoutOutId() != null ->
                    shoutOuts.applyOnce(e.shoutOutId(), received, inc("offers", 1));
            case OfferWithdrawn e when e.shoutOutId() != null ->
                    shoutOuts.applyOnce(e.shoutOutId(), received, inc("offers", -1));
            default -> {
                // not part of this view
            }
        }
    }
}
