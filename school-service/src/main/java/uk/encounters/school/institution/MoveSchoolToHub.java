package uk.encounters.school.institution;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by {@link SchoolHubMoves} once it knows the hub exists. */
public record MoveSchoolToHub(@TargetAggregateIdentifier String schoolId, String hubId, Instant movedAt) {
}
