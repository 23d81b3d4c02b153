package uk.encounters.school.institution;

import java.time.Instant;

/** Shout-outs posted from now on carry the new hub; those posted before keep the hub they were posted in. */
public record SchoolMovedHub(String schoolId, String previousHubId, String hubId, Instant movedAt)
        implements SchoolEvent {
}
