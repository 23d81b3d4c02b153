package uk.encounters.contracts.school;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;

/** A school edited an open shout-out; carries every editable field as it now stands. */
public record ShoutOutChanged(String shoutOutId, String schoolId, String title, String description,
                              ActivityType activityType, List<String> sectors, List<Integer> yearGroups, int places,
                              LocalDate startDate, LocalDate endDate, DeliveryMode mode, String location)
        implements SchoolEvent {

    public ShoutOutChanged {
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
