package uk.encounters.school.roll;

import java.time.LocalDate;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/**
 * One pupil of an upload as the roll sees it: an opaque id (resolved from the UPN by the personal store) and the
 * attributes coverage needs.
 *
 * @param line              the file's line, for errors the uploader can find
 * @param leavingDate       null unless the file gives one
 * @param identityCorrected whether the file changed the pupil's name or date of birth
 */
record RollEntry(String pupilId, int line, int yearGroup, Sen sen, boolean pupilPremium, Gender gender,
                 String curriculumArea, LocalDate admissionDate, LocalDate leavingDate, boolean identityCorrected) {
}
