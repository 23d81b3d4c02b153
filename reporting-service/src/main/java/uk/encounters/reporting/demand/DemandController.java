package uk.encounters.reporting.demand;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.reporting.web.Access;

/** A hub's shout-outs, oldest first, with how many employers offered: where demand is unmet. */
@RestController
class DemandController {

    private static final List<String> STATUSES = List.of("OPEN", "WITHDRAWN", "EXPIRED", "FILLED");

    private final MongoCollection<Document> shoutOuts;
    private final MongoCollection<Document> schools;
    private final Access access;

    DemandController(MongoDatabase database, Access access) {
        this.shoutOuts = database.getCollection(DemandProjection.SHOUT_OUTS);
        this.schools = database.getCollection(DemandProjection.SCHOOLS);
        this.access = access;
    }

    @GetMapping("/api/v1/hubs/{hubId}/shout-outs")
    List<HubShoutOut> hubShoutOuts(@PathVariable String hubId, @RequestParam(defaultValue = "OPEN") String status) {
        access.coordinatorOf(hubId);
        String wanted = status.strip().toUpperCase();
        if (!STATUSES.contains(wanted)) {
            throw ProblemException.unprocessable("status", "Status is one of " + STATUSES + ".");
        }
        // Through the hub's schools as they are now, so a school that moved hub takes its shout-outs along.
        Map<String, String> names = new HashMap<>();
        schools.find(new Document("hubId", hubId)).forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        List<Document> found = shoutOuts.find(new Document("schoolId", new Document("$in", names.keySet()))
                        .append("status", wanted))
                .into(new ArrayList<>());
        return found.stream()
                .map(d -> new HubShoutOut(d.getString("_id"), d.getString("schoolId"), names.get(d.getString("schoolId")),
                        d.getString("title"), d.getString("activityType"), d.getList("yearGroups", Integer.class),
                        d.getInteger("places", 0), d.getString("startDate"), d.getString("endDate"),
                        d.getString("postedAt"), d.getString("status"), d.getInteger("offers", 0)))
                .sorted(Comparator.comparing(HubShoutOut::postedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(HubShoutOut::shoutOutId))
                .toList();
    }

    record HubShoutOut(String shoutOutId, String schoolId, String schoolName, String title, String activityType,
                       List<Integer> yearGroups, int places, String startDate, String endDate, String postedAt,
                       String status, int offerCount) {
    }
}
