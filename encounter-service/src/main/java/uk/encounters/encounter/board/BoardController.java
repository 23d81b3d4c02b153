package uk.encounters.encounter.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.encounter.web.Access;
import uk.encounters.platform.web.ProblemException;

/**
 * The board of shout-outs employers browse. Filtering happens here rather than in the query: the embedded MongoDB
 * scans for anything but {@code _id} anyway, and the rules (a shout-out without sectors welcomes every sector, an
 * area is letters or a whole district) read better in {@link BoardFilter} than as a query document.
 */
@RestController
class BoardController {

    private final MongoCollection<Document> shoutOuts;
    private final MongoCollection<Document> schools;
    private final Access access;

    BoardController(MongoDatabase database, Access access) {
        this.shoutOuts = database.getCollection(BoardProjection.SHOUT_OUTS);
        this.schools = database.getCollection(BoardProjection.SCHOOLS);
        this.access = access;
    }

    @GetMapping("/api/v1/shout-outs")
    List<BoardEntry> board(@RequestParam(defaultValue = "OPEN") String status,
                           @RequestParam(required = false) String sector,
                           @RequestParam(required = false) ActivityType activityType,
                           @RequestParam(required = false) Integer yearGroup,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) DeliveryMode mode,
                           @RequestParam(required = false) String area) {
        access.browseBoard();
        String wanted = status.strip().toUpperCase();
        if (!BoardProjection.BoardStatus.names().contains(wanted)) {
            throw ProblemException.unprocessable("status", "Status is one of " + BoardProjection.BoardStatus.names() + ".");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.unprocessable("to", "The 'to' date is before the 'from' date.");
        }
        BoardFilter filter = new BoardFilter(sector, activityType, yearGroup, from, to, mode, area);
        List<Document> found = shoutOuts.find(new Document("status", wanted)).into(new ArrayList<>()).stream()
                .filter(filter::matches)
                .toList();
        Map<String, String> schoolNames = schoolNames(found.stream().map(d -> d.getString("schoolId")).toList());
        return found.stream()
                .map(d -> BoardEntry.of(d, schoolNames.get(d.getString("schoolId"))))
                .sorted(Comparator.comparing(BoardEntry::startDate).thenComparing(BoardEntry::shoutOutId))
                .toList();
    }

    private Map<String, String> schoolNames(List<String> schoolIds) {
        Map<String, String> names = new HashMap<>();
        schools.find(new Document("_id", new Document("$in", Set.copyOf(schoolIds))))
                .forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        return names;
    }

    record BoardEntry(String shoutOutId, String schoolId, String schoolName, String title, String description,
                      String activityType, List<String> sectors, List<Integer> yearGroups, int places,
                      String startDate, String endDate, String mode, String location, String district,
                      String status) {

        static BoardEntry of(Document d, String schoolName) {
            return new BoardEntry(d.getString("_id"), d.getString("schoolId"), schoolName, d.getString("title"),
                    d.getString("description"), d.getString("activityType"), d.getList("sectors", String.class),
                    d.getList("yearGroups", Integer.class), d.getInteger("places", 0), d.getString("startDate"),
                    d.getString("endDate"), d.getString("mode"), d.getString("location"), d.getString("district"),
                    d.getString("status"));
        }
    }
}
