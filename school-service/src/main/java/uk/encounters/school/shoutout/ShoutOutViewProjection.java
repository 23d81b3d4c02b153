package uk.encounters.school.shoutout;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import uk.encounters.platform.messaging.IdempotentUpdates;

/**
 * The school's own view of its shout-outs and the offers on them. One document per shout-out ({@code _id} the
 * shout-out id) with its offers as a sub-document keyed by offer id, so every update is a single-document write;
 * one document per school ({@code _id} the school id) lists its shout-out ids, so the school's page is two
 * {@code _id} lookups and never a scan. Updates apply at most once per event, replays included.
 */
@Component
@ProcessingGroup(ShoutOutProjections.GROUP)
class ShoutOutViewProjection {

    static final String SHOUT_OUTS = "school_shout_outs";
    static final String BY_SCHOOL = "school_shout_out_ids";

    private final IdempotentUpdates shoutOuts;
    private final MongoCollection<Document> bySchool;

    ShoutOutViewProjection(MongoDatabase database) {
        this.shoutOuts = new IdempotentUpdates(database.getCollection(SHOUT_OUTS));
        this.bySchool = database.getCollection(BY_SCHOOL);
    }

    @EventHandler
    void on(ShoutOutPosted e, @SequenceNumber Long sequence) {
        apply(e, sequence, combine(
                set("schoolId", e.schoolId()),
                set("hubId", e.hubId()),
                terms(e.title(), e.description(), e.activityType().name(), e.sectors(), e.yearGroups(), e.places(),
                        e.startDate().toString(), e.endDate().toString(), e.mode().name(), e.location()),
                set("postedAt", e.postedAt().toString()),
                set("status", ShoutOutStatus.OPEN.name()),
                set("placesCovered", 0)));
        bySchool.updateOne(new Document("_id", e.schoolId()), Updates.addToSet("shoutOutIds", e.shoutOutId()),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ShoutOutChanged e, @SequenceNumber Long sequence) {
        apply(e, sequence, terms(e.title(), e.description(), e.activityType().name(), e.sectors(), e.yearGroups(),
                e.places(), e.startDate().toString(), e.endDate().toString(), e.mode().name(), e.location()));
    }

    @EventHandler
    void on(ShoutOutWithdrawn e, @SequenceNumber Long sequence) {
        apply(e, sequence, combine(set("status", ShoutOutStatus.WITHDRAWN.name()),
                set("withdrawalReason", e.reason())));
    }

    @EventHandler
    void on(ShoutOutExpired e, @SequenceNumber Long sequence) {
        apply(e, sequence, set("status", ShoutOutStatus.EXPIRED.name()));
    }

    @EventHandler
    void on(ShoutOutFilled e, @SequenceNumber Long sequence) {
        apply(e, sequence, set("status", ShoutOutStatus.FILLED.name()));
    }

    @EventHandler
    void on(OfferReceived e, @SequenceNumber Long sequence) {
        apply(e, sequence, set(offer(e.offerId()), new Document("offerId", e.offerId())
                .append("employerId", e.employerId())
                .append("proposedDate", e.proposedDate() == null ? null : e.proposedDate().toString())
                .append("message", e.message())
                .append("places", e.places())
                .append("placesCovered", 0)
                .append("status", OfferStatus.PENDING.name())
                .append("receivedAt", e.receivedAt().toString())));
    }

    @EventHandler
    void on(OfferAccepted e, @SequenceNumber Long sequence) {
        apply(e, sequence, combine(
                set(offer(e.offerId()) + ".status", OfferStatus.ACCEPTED.name()),
                set(offer(e.offerId()) + ".placesCovered", e.placesCovered()),
                inc("placesCovered", e.placesCovered())));
    }

    @EventHandler
    void on(OfferDeclined e, @SequenceNumber Long sequence) {
        apply(e, sequence, combine(
                set(offer(e.offerId()) + ".status", OfferStatus.DECLINED.name()),
                set(offer(e.offerId()) + ".reason", e.reason()),
                set(offer(e.offerId()) + ".automatic", e.automatic())));
    }

    @EventHandler
    void on(OfferWithdrawn e, @SequenceNumber Long sequence) {
        apply(e, sequence, combine(
                set(offer(e.offerId()) + ".status", OfferStatus.WITHDRAWN.name()),
                set(offer(e.offerId()) + ".reason", e.reason()),
                set(offer(e.offerId()) + ".placesCovered", 0),
                inc("placesCovered", -e.placesReleased())));
    }

    private void apply(ShoutOutEvent event, long sequence, Bson update) {
        shoutOuts.applyOnce(event.shoutOutId(), event.shoutOutId(), sequence, update);
    }

    private static Bson terms(String title, String description, String activityType, java.util.List<String> sectors,
                              java.util.List<Integer> yearGroups, int places, String startDate, String endDate,
                              String mode, String location) {
        return combine(set("title", title), set("description", description), set("activityType", activityType),
                set("sectors", sectors), set("yearGroups", yearGroups), set("places", places),
                set("startDate", startDate), set("endDate", endDate), set("mode", mode), set("location", location));
    }

    /** Offer ids come from another service: escape what MongoDB would read as a path or an operator. */
    static String offer(String offerId) {
        return "offers." + offerId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
