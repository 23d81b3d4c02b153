package uk.encounters.encounter.board;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.ShoutOutChanged;
import uk.encounters.contracts.school.ShoutOutExpired;
import uk.encounters.contracts.school.ShoutOutFilled;
import uk.encounters.contracts.school.ShoutOutPosted;
import uk.encounters.contracts.school.ShoutOutWithdrawn;
import uk.encounters.encounter.employer.Postcodes;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * The board employers browse, built from school-service's events. It holds what an employer needs to decide to
 * volunteer, and nothing about pupils: pupil events are not read here at all.
 */
@Component
class BoardProjection {

    static final String SHOUT_OUTS = "board_shout_outs";
    static final String SCHOOLS = "board_schools";

    private final IdempotentUpdates shoutOuts;
    private final IdempotentUpdates schools;

    BoardProjection(MongoDatabase database) {
        this.shoutOuts = new IdempotentUpdates(database.getCollection(SHOUT_OUTS));
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
            case ShoutOutPosted e -> shoutOuts.applyOnce(e.shoutOutId(), received, combine(
                    set("hubId", e.hubId()),
                    details(e.schoolId(), e.title(), e.description(), e.activityType(), e.sectors(), e.yearGroups(),
                            e.places(), e.startDate(), e.endDate(), e.mode(), e.location()),
                    set("status", BoardStatus.OPEN.name())));
            // A change keeps the status: school-service only lets an open shout-out change.
            case ShoutOutChanged e -> shoutOuts.applyOnce(e.shoutOutId(), received,
                    details(e.schoolId(), e.title(), e.description(), e.activityType(), e.sectors(), e.yearGroups(),
                            e.places(), e.startDate(), e.endDate(), e.mode(), e.location()));
            case ShoutOutWithdrawn e -> closed(received, e.shoutOutId(), e.schoolId(), BoardStatus.WITHDRAWN);
            case ShoutOutExpired e -> closed(received, e.shoutOutId(), e.schoolId(), BoardStatus.EXPIRED);
            case ShoutOutFilled e -> closed(received, e.shoutOutId(), e.schoolId(), BoardStatus.FILLED);
            default -> {
                // pupils, hubs and answers to offers are not the board's business
            }
        }
    }

    private void closed(ReceivedEvent<?> received, String shoutOutId, String schoolId, BoardStatus status) {
        shoutOuts.applyOnce(shoutOutId, received, combine(set("schoolId", schoolId), set("status", status.name())));
    }

    private static Bson details(String schoolId, String title, String description, ActivityType activityType,
                                List<String> sectors, List<Integer> yearGroups, int places, LocalDate startDate,
                                LocalDate endDate, DeliveryMode mode, String location) {
        return combine(
                set("schoolId", schoolId),
                set("title", title),
                set("description", description),
                set("activityType", activityType == null ? null : activityType.name()),
                set("sectors", sectors),
                set("yearGroups", yearGroups),
                set("places", places),
                set("startDate", startDate == null ? null : startDate.toString()),
                set("endDate", endDate == null ? null : endDate.toString()),
                set("mode", mode == null ? null : mode.name()),
                set("location", location),
                // Schools write locations as free text; the district of a postcode in it is what area filters use.
                set("district", Postcodes.districtIn(location).orElse(null)));
    }

    static Board.BoardShoutOut toShoutOut(Document d) {
        return new Board.BoardShoutOut(d.getString("_id"), d.getString("schoolId"), d.getString("title"),
                enumOrNull(ActivityType.class, d.getString("activityType")), d.getInteger("places", 0),
                dateOrNull(d.getString("startDate")), dateOrNull(d.getString("endDate")),
                enumOrNull(DeliveryMode.class, d.getString("mode")), d.getString("location"), d.getString("status"));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static LocalDate dateOrNull(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    enum BoardStatus {
        OPEN, WITHDRAWN, EXPIRED, FILLED;

        static List<String> names() {
            return Arrays.stream(values()).map(Enum::name).toList();
        }
    }
}
