package uk.encounters.school.shoutout;

import java.util.Set;

/**
 * The year groups a school teaches. Editing a shout-out re-checks its year groups against them, and they belong to
 * the school's stream, not the shout-out's; Axon injects this into the command handler.
 */
@FunctionalInterface
public interface TaughtYearGroups {

    /** Empty for a school that does not exist. */
    Set<Integer> of(String schoolId);
}
