package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

public record ShoutOutPosted(String shoutOutId, String schoolId, String hubId, String title, String description,
                             ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                             LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location,
                             Instant postedAt) implements ShoutOutEvent {
}
