package uk.encounters.encounter.board;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** The board as other features see it: shout-outs by id and schools' names, as school-service last described them. */
public interface Board {

    Optional<BoardShoutOut> shoutOut(String shoutOutId);

    /** The shout-outs of these ids that the board knows in full, by id. */
    Map<String, BoardShoutOut> shoutOuts(Collection<String> shoutOutIds);

    /** The names of these schools, by id; a school the board has not heard of is missing from the map. */
    Map<String, String> schoolNames(Collection<String> schoolIds);

    record BoardShoutOut(String shoutOutId, String schoolId, String title, ActivityType activityType, int places,
                         LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location, String status) {

        public boolean open() {
            return BoardProjection.BoardStatus.OPEN.name().equals(status);
        }
    }
}
