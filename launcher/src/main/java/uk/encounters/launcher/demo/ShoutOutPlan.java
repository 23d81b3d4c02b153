package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/**
 * A school's shout-out and what became of it: the offers employers made and the school's answers, a withdrawal, or
 * nothing at all (unmet demand). Shout-outs can only be posted with a window that has not ended, so they lie in the
 * present and future; {@code deliveredToday} is one that took place today and is recorded against its offer.
 */
public record ShoutOutPlan(String shoutOutId, String schoolId, String title, String description,
                           ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                           LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location,
                           List<OfferPlan> offers, String withdrawalReason, EncounterPlan deliveredToday) {

    public ShoutOutPlan {
        sectors = List.copyOf(sectors);
        yearGroups = List.copyOf(yearGroups);
        offers = List.copyOf(offers);
    }

    public enum Answer { NONE, ACCEPT, DECLINE }

    /** An employer's offer; the school declines before it accepts, so an acceptance that fills ends the rest. */
    public record OfferPlan(String employerId, LocalDate proposedDate, String message, Answer answer,
                            String declineReason) {
    }
}
