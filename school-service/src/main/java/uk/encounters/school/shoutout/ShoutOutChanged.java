package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** The school edited an open shout-out; carries every editable field as it now stands. */
public record ShoutOutChanged(String shoutOutId, String schoolId, String title, String description,
                              ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                              LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location,
                              Instant changedAt) implements ShoutOutEvent {
}
