package uk.encounters.school.institution;

import java.time.Instant;
import uk.encounters.contracts.school.SchoolType;
import java.util.SortedSet;

public record SchoolRegistered(String schoolId, String urn, String name, SchoolType type, String hubId,
                               SortedSet<Integer> yearGroups, Instant registeredAt) implements SchoolEvent {
}
