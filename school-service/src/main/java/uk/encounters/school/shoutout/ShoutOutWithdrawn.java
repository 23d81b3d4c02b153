package uk.encounters.school.shoutout;

import java.time.Instant;

/** @param reason the school's own words, or null; published, so never about pupils */
public record ShoutOutWithdrawn(String shoutOutId, String schoolId, String reason, Instant withdrawnAt)
        implements ShoutOutEvent {
}
