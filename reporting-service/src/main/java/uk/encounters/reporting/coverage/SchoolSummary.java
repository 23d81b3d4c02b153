package uk.encounters.reporting.coverage;

import uk.encounters.contracts.school.SchoolType;

/** A school's line in its hub's report; the booleans are null where the benchmark is not applicable. */
public record SchoolSummary(String schoolId, SchoolType type, Figure gb5, Figure gb6By16, Figure gb6By18,
                            Boolean gb5FullyAchieved, Boolean gb6FullyAchieved) {
}
