package uk.encounters.school.shoutout;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** What a school asks for, as posted or as edited: one set of rules checks both. */
public sealed interface ShoutOutTerms permits PostShoutOut, ChangeShoutOut {

    String title();

    String description();

    ActivityType activityType();

    List<String> sectors();

    List<Integer> yearGroups();

    int places();

    LocalDate startDate();

    LocalDate endDate();

    DeliveryMode mode();

    String location();
}
