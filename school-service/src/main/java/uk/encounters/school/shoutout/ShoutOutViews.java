package uk.encounters.school.shoutout;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads the school's view of its shout-outs (eventually consistent with the commands, by milliseconds). */
@Component
public class ShoutOutViews {

    private final MongoCollection<Document> shoutOuts;
    private final MongoCollection<Document> bySchool;

    ShoutOutViews(MongoDatabase database) {
        this.shoutOuts = database.getCollection(ShoutOutViewProjection.SHOUT_OUTS);
        this.bySchool = database.getCollection(ShoutOutViewProjection.BY_SCHOOL);
    }

    /** The school's shout-outs, soonest first; {@code status} null for all of them. */
    public List<ShoutOutView> forSchool(String schoolId, ShoutOutStatus status) {
        Document index = bySchool.find(new Document("_id", schoolId)).first();
        List<String> ids = index == null ? List.of() : index.getList("shoutOutIds", String.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ShoutOutView> views = new ArrayList<>();
        shoutOuts.find(new Document("_id", new Document("$in", ids))).forEach(document -> {
            ShoutOutView view = ShoutOutView.of(document);
            if (status == null || view.status() == status) {
                views.add(view);
            }
        });
        views.sort(Comparator.comparing(ShoutOutView::startDate).thenComparing(ShoutOutView::shoutOutId));
        return views;
    }

    public record ShoutOutView(String shoutOutId, String schoolId, String hubId, String title, String description,
                               String activityType, List<String> sectors, List<Integer> yearGroups,
                               ShoutOutStatus status, int places, int placesCovered, LocalDate startDate,
                               LocalDate endDate, String mode, String location, String withdrawalReason,
                               List<OfferView> offers) {

        static ShoutOutView of(Document d) {
            Document offers = d.get("offers", Document.class);
            List<OfferView> offerViews = offers == null ? List.of() : offers.values().stream()
                    .map(o -> OfferView.of((Document) o))
                    .sorted(Comparator.comparing(OfferView::receivedAt).thenComparing(OfferView::offerId))
                    .toList();
            return new ShoutOutView(d.getString("_id"), d.getString("schoolId"), d.getString("hubId"),
                    d.getString("title"), d.getString("description"), d.getString("activityType"),
                    d.getList("sectors", String.class), d.getList("yearGroups", Integer.class),
                    ShoutOutStatus.valueOf(d.getString("status")), d.getInteger("places", 0),
                    d.getInteger("placesCovered", 0), LocalDate.parse(d.getString("startDate")),
                    LocalDate.parse(d.getString("endDate")), d.getString("mode"), d.getString("location"),
                    d.getString("withdrawalReason"), offerViews);
        }
    }

    /**
     * @param places        as offered; 0 where the employer did not say (it then covers every open place)
     * @param placesCovered what an accepted offer counts for
     * @param reason        why it was declined (as the employer reads it) or withdrawn
     */
    public record OfferView(String offerId, String employerId, OfferStatus status, LocalDate proposedDate,
                            String message, int places, int placesCovered, String reason, String receivedAt) {

        static OfferView of(Document d) {
            String proposed = d.getString("proposedDate");
            return new OfferView(d.getString("offerId"), d.getString("employerId"),
                    OfferStatus.valueOf(d.getString("status")), proposed == null ? null : LocalDate.parse(proposed),
                    d.getString("message"), d.getInteger("places", 0), d.getInteger("placesCovered", 0),
                    d.getString("reason"), d.getString("receivedAt"));
        }
    }
}
