package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** Replaces every editable field of an open shout-out, as posting sets them. */
public record ChangeShoutOut(@TargetAggregateIdentifier String shoutOutId, String title, String description,
                             ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                             LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location,
                             Instant changedAt) implements ShoutOutTerms {
}
