package uk.encounters.encounter.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final Comparator<BoardEntry> SOONEST_FIRST =
            // A closing event that overtook its posting leaves an entry without dates: last, not a failure.
            Comparator.comparing(BoardEntry::startDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(BoardEntry::shoutOutId);

    private final MongoCollection<Document> shoutOuts;
    private final Board board;
    private final PostcodeAreas areas;
    private final Access access;

    BoardController(MongoDatabase database, Board board, PostcodeAreas areas, Access access) {
        this.shoutOuts = database.getCollection(BoardProjection.SHOUT_OUTS);
        this.board = board;
        this.areas = areas;
        this.access = access;
    }

    /**
     * @param near        a UK postcode, outward code or area; entries then carry {@code distanceMiles} (between
     *                    postcode-area centres, see {@link PostcodeAreas}), only those within {@code withinMiles}
     *                    are listed, and the nearest come first
     * @param withinMiles miles from {@code near}, default 10
     */
    @GetMapping("/api/v1/shout-outs")
    List<BoardEntry> board(@RequestParam(defaultValue = "OPEN") String status,
                           @RequestParam(required = false) String sector,
                           @RequestParam(required = false) ActivityType activityType,
                           @RequestParam(required = false) Integer yearGroup,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) DeliveryMode mode,
                           @RequestParam(required = false) String area,
                           @RequestParam(required = false) String near,
                           @RequestParam(required = false) String withinMiles) {
        access.browseBoard();
        String wanted = status.strip().toUpperCase();
        if (!BoardProjection.BoardStatus.names().contains(wanted)) {
            throw ProblemException.unprocessable("status", "Status is one of " + BoardProjection.BoardStatus.names() + ".");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.unprocessable("to", "The 'to' date is before the 'from' date.");
        }
        Optional<Nearness> nearness = Nearness.of(near, withinMiles, areas);
        BoardFilter filter = new BoardFilter(sector, activityType, yearGroup, from, to, mode, area);
        List<Document> found = shoutOuts.find(new Document("status", wanted)).into(new ArrayList<>()).stream()
                .filter(filter::matches)
                .toList();
        Map<String, String> schoolNames = board.schoolNames(found.stream().map(d -> d.getString("schoolId")).toList());
        List<BoardEntry> entries = found.stream()
                .map(d -> BoardEntry.of(d, schoolNames.get(d.getString("schoolId")),
                        nearness.map(n -> n.milesTo(d.getString("district"), areas)).orElse(null)))
                .toList();
        if (nearness.isEmpty()) {
            return entries.stream().sorted(SOONEST_FIRST).toList();
        }
        return entries.stream()
                .filter(entry -> nearness.get().within(entry.distanceMiles()))
                .sorted(Comparator.comparing(BoardEntry::distanceMiles).thenComparing(SOONEST_FIRST))
                .toList();
    }

    /** @param distanceMiles from the request's {@code near}; null without it or where the location has no postcode */
    record BoardEntry(String shoutOutId, String schoolId, String schoolName, String title, String description,
                      String activityType, List<String> sectors, List<Integer> yearGroups, int places,
                      String startDate, String endDate, String mode, String location, String district,
                      String status, Double distanceMiles) {

        static BoardEntry of(Document d, String schoolName, Double distanceMiles) {
            return new BoardEntry(d.getString("_id"), d.getString("schoolId"), schoolName, d.getString("title"),
                    d.getString("description"), d.getString("activityType"), d.getList("sectors", String.class),
                    d.getList("yearGroups", Integer.class), d.getInteger("places", 0), d.getString("startDate"),
                    d.getString("endDate"), d.getString("mode"), d.getString("location"), d.getString("district"),
                    d.getString("status"), distanceMiles);
        }
    }
}
