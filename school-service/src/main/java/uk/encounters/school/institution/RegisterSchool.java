package uk.encounters.school.institution;

import java.time.Instant;
import uk.encounters.contracts.school.SchoolType;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a school or college; {@code yearGroups} empty means the type's usual years. */
public record RegisterSchool(@TargetAggregateIdentifier String schoolId, String urn, String name,
                             SchoolType type, String hubId, Set<Integer> yearGroups, Instant registeredAt) {
}
