package uk.encounters.encounter.reads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.encounter.board.Board;
import uk.encounters.encounter.board.Board.BoardShoutOut;
import uk.encounters.encounter.offer.Offer;

/** An employer's offers as the portal lists them: newest first, with each school's answer. */
@Component
public class OfferReads {

    private static final Comparator<EmployerOffer> NEWEST_FIRST = Comparator
            .comparing(EmployerOffer::offeredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(EmployerOffer::offerId);

    private final PartyLists lists;
    private final Board board;

    OfferReads(PartyLists lists, Board board) {
        this.lists = lists;
        this.board = board;
    }

    public List<EmployerOffer> byEmployer(String employerId) {
        List<Document> offers = lists.of(ReadModels.employerParty(employerId), "offerIds", ReadModels.OFFERS);
        Map<String, String> schoolNames = board.schoolNames(offers.stream().map(d -> d.getString("schoolId"))
                .filter(Objects::nonNull).toList());
        // Offers stored before the event carried the shout-out's title and activity get them from the board.
        Map<String, BoardShoutOut> shoutOuts = board.shoutOuts(offers.stream()
                .filter(d -> d.getString("title") == null || d.getString("activityType") == null)
                .map(d -> d.getString("shoutOutId")).filter(Objects::nonNull).toList());
        return offers.stream()
                .map(d -> EmployerOffer.of(d, schoolNames.get(d.getString("schoolId")),
                        shoutOuts.get(d.getString("shoutOutId"))))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /**
     * @param shoutOutId   null for an offer of the employer's own activity (and then {@code schoolId} too)
     * @param proposedDate the date proposed for a shout-out, or the own activity's date
     * @param status       OFFERED (awaiting the school), ACCEPTED, DECLINED or WITHDRAWN (by the employer)
     * @param reason       the school's reason for declining, or the employer's for withdrawing
     */
    public record EmployerOffer(String offerId, String shoutOutId, String schoolId, String schoolName, String title,
                                String activityType, LocalDate proposedDate, int places, String mode, String message,
                                String status, String reason, Instant offeredAt) {

        static EmployerOffer of(Document d, String schoolName, BoardShoutOut shoutOut) {
            String title = d.getString("title");
            String activityType = d.getString("activityType");
            if (shoutOut != null && title == null) {
                title = shoutOut.title();
            }
            if (shoutOut != null && activityType == null && shoutOut.activityType() != null) {
                activityType = shoutOut.activityType().name();
            }
            return new EmployerOffer(d.getString("_id"), d.getString("shoutOutId"), d.getString("schoolId"),
                    schoolName, title, activityType, Dates.date(d.getString("proposedDate")),
                    d.getInteger("places", 0), d.getString("mode"), d.getString("message"),
                    status(d.getString("status")), d.getString("reason"), Dates.instant(d.getString("offeredAt")));
        }

        /** The aggregate's states by their names, but an open offer reads as OFFERED: it awaits the school. */
        private static String status(String stored) {
            return Offer.Status.OPEN.name().equals(stored) ? "OFFERED" : stored;
        }
    }
}
