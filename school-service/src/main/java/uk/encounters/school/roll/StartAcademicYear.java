package uk.encounters.school.roll;

import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the roll on to the given academic year; does nothing if it is there already (or beyond). */
record StartAcademicYear(@TargetAggregateIdentifier String rollId, String schoolId, String academicYear,
                         SortedSet<Integer> taughtYearGroups) {
}
