package uk.encounters.school.shoutout;

import java.time.Instant;
import java.util.List;

public record ShoutOutFilled(String shoutOutId, String schoolId, List<String> acceptedOfferIds, Instant filledAt)
        implements ShoutOutEvent {
}
