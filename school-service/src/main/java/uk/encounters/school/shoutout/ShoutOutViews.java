package uk.encounters.school.shoutout;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.school.shoutout.EmployerDirectory.Employer;

/**
 * Reads the school's view of its shout-outs (eventually consistent with the commands, by milliseconds), with each
 * offer's employer looked up as it is read.
 */
@Component
public class ShoutOutViews {

    private static final Employer UNKNOWN_EMPLOYER = new Employer(null, null, null);

    private final MongoCollection<Document> shoutOuts;
    private final MongoCollection<Document> bySchool;
    private final EmployerDirectory employers;

    ShoutOutViews(MongoDatabase database, EmployerDirectory employers) {
        this.shoutOuts = database.getCollection(ShoutOutViewProjection.SHOUT_OUTS);
        this.bySchool = database.getCollection(ShoutOutViewProjection.BY_SCHOOL);
        this.employers = employers;
    }

    /** The school's shout-outs, soonest first; {@code status} null for all of them. */
    public List<ShoutOutView> forSchool(String schoolId, ShoutOutStatus status) {
        Document index = bySchool.find(new Document("_id", schoolId)).first();
        List<String> ids = index == null ? List.of() : index.getList("shoutOutIds", String.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        shoutOuts.find(new Document("_id", new Document("$in", ids))).forEach(document -> {
            if (status == null || status.name().equals(document.getString("status"))) {
                documents.add(document);
            }
        });
        List<ShoutOutView> views = new ArrayList<>(views(documents));
        views.sort(Comparator.comparing(ShoutOutView::startDate).thenComparing(ShoutOutView::shoutOutId));
        return views;
    }

    /** One shout-out, as {@link #forSchool} lists it; empty until the view has it. */
    public Optional<ShoutOutView> find(String shoutOutId) {
        Document document = shoutOuts.find(new Document("_id", shoutOutId)).first();
        return document == null ? Optional.empty() : Optional.of(views(List.of(document)).getFirst());
    }

    /** One lookup of the employers behind all the offers shown. */
    private List<ShoutOutView> views(List<Document> documents) {
        Set<String> employerIds = new TreeSet<>();
        documents.forEach(d -> offersOf(d).forEach(o -> {
            if (o.getString("employerId") != null) {
                employerIds.add(o.getString("employerId"));
            }
        }));
        Map<String, Employer> known = employers.find(employerIds);
        return documents.stream().map(d -> ShoutOutView.of(d, known)).toList();
    }

    private static List<Document> offersOf(Document shoutOut) {
        Document offers = shoutOut.get("offers", Document.class);
        return offers == null ? List.of() : offers.values().stream().map(Document.class::cast).toList();
    }

    public record ShoutOutView(String shoutOutId, String schoolId, String hubId, String title, String description,
                               String activityType, List<String> sectors, List<Integer> yearGroups,
                               ShoutOutStatus status, int places, int placesCovered, LocalDate startDate,
                               LocalDate endDate, String mode, String location, String withdrawalReason,
                               List<OfferView> offers) {

        static ShoutOutView of(Document d, Map<String, Employer> employers) {
            List<OfferView> offerViews = offersOf(d).stream()
                    .map(o -> OfferView.of(o, employers.getOrDefault(o.getString("employerId"), UNKNOWN_EMPLOYER)))
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
     * @param employerName   the employer's name, sector and size band ({@code SELF_EMPLOYED} ... {@code LARGE}) as
     *                       encounter-service registered them; null until its registration has reached this service
     * @param places         as offered; 0 where the employer did not say (it then covers every open place)
     * @param placesCovered  what an accepted offer counts for
     * @param reason         why it was declined (as the employer reads it) or withdrawn
     */
    public record OfferView(String offerId, String employerId, String employerName, String employerSector,
                            String employerSize, OfferStatus status, LocalDate proposedDate, String message,
                            int places, int placesCovered, String reason, String receivedAt) {

        static OfferView of(Document d, Employer employer) {
            String proposed = d.getString("proposedDate");
            return new OfferView(d.getString("offerId"), d.getString("employerId"), employer.name(),
                    employer.sector(), employer.size(), OfferStatus.valueOf(d.getString("status")),
                    proposed == null ? null : LocalDate.parse(proposed), d.getString("message"),
                    d.getInteger("places", 0), d.getInteger("placesCovered", 0), d.getString("reason"),
                    d.getString("receivedAt"));
        }
    }
}
