package uk.encounters.encounter.board;

import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** The board as other features see it: one shout-out by id, as school-service last described it. */
public interface Board {

    Optional<BoardShoutOut> shoutOut(String shoutOutId);

    record BoardShoutOut(String shoutOutId, String schoolId, String title, ActivityType activityType, int places,
                         LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location, String status) {

        public boolean open() {
            return BoardProjection.BoardStatus.OPEN.name().equals(status);
        }
    }
}
