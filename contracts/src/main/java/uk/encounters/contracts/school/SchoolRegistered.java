package uk.encounters.contracts.school;

import java.util.List;

/**
 * A school or college joined the platform. Keyed by school, like every later event about it, so a consumer always
 * knows the school (and its hub) before its pupils and shout-outs.
 *
 * @param yearGroups the year groups it teaches, e.g. 7 to 11 for an 11-16 school
 */
public record SchoolRegistered(String schoolId, String urn, String name, SchoolType type, String hubId,
                               List<Integer> yearGroups) implements SchoolEvent {

    public SchoolRegistered {
        Copies.required(schoolId, "schoolId");
        yearGroups = Copies.list(yearGroups);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
