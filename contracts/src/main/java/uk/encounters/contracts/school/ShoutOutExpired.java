package uk.encounters.contracts.school;

import java.time.LocalDate;

/** The shout-out's end date passed while it was still open: demand that went unmet. */
public record ShoutOutExpired(String shoutOutId, String schoolId, LocalDate endDate, int placesUnfilled)
        implements SchoolEvent {

    public ShoutOutExpired {
        Copies.required(shoutOutId, "shoutOutId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
