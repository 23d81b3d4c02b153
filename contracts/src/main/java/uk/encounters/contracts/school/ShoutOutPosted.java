package uk.encounters.contracts.school;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** A school asked employers for support. Carries the hub so a hub's unmet demand needs no school lookup. */
public record ShoutOutPosted(String shoutOutId, String schoolId, String hubId, String title, String description,
                             ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                             LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location)
        implements SchoolEvent {

    public ShoutOutPosted {
        Copies.required(shoutOutId, "shoutOutId");
        Copies.required(schoolId, "schoolId");
        sectors = Copies.list(sectors);
        yearGroups = Copies.list(yearGroups);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
