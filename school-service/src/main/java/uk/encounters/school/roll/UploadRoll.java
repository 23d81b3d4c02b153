package uk.encounters.school.roll;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The whole roll of a school for an academic year, already validated line by line.
 *
 * @param taughtYearGroups what the school teaches, read from its registration
 * @param uploadedOn       the school's date of the upload (Europe/London): which years are open, and the leaving
 *                         date of pupils missing from this or next year's roll (from a past year's: 31 August before)
 */
record UploadRoll(@TargetAggregateIdentifier String rollId, String schoolId, String academicYear,
                  SortedSet<Integer> taughtYearGroups, LocalDate uploadedOn, List<RollEntry> entries) {
}
