package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** Handled by the school that posts it, which knows its year groups and hub. */
public record PostShoutOut(@TargetAggregateIdentifier String schoolId, String shoutOutId, String title,
                           String description, ActivityType activityType, List<String> sectors,
                           List<Integer> yearGroups, int places, LocalDate startDate, LocalDate endDate,
                           DeliveryMode mode, String location, Instant postedAt) implements ShoutOutTerms {
}
