package uk.encounters.launcher.demo;

import java.time.LocalDate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** An activity an employer offers unasked; {@code recordedToday} is a school's record of it when it is today. */
public record OwnActivityPlan(String offerId, String employerId, ActivityType activityType, String title,
                              LocalDate date, int places, DeliveryMode mode, EncounterPlan recordedToday) {
}
