package uk.encounters.portal.school;

import java.time.LocalDate;
import java.util.List;

/** school-service's answers as these pages read them. The roll holds personal data: never log it. */
final class SchoolRecords {

    private SchoolRecords() {
    }

    /** rollAcademicYear is null before the first upload. */
    record School(String schoolId, String urn, String name, String type, String hubId, String hubName,
                  List<Integer> yearGroups, String rollAcademicYear, int pupilsOnRoll) {
    }

    /** One pupil of a roll; sen is NONE, SEN_SUPPORT or EHC_PLAN, gender as the roll's (FEMALE...). */
    record RollPupil(String pupilId, String upn, String forename, String surname, int yearGroup, String gender,
                     String sen, boolean pupilPremium, LocalDate admissionDate, LocalDate leavingDate,
                     String academicYear, boolean onRoll) {

        public String name() {
            return forename + " " + surname;
        }

        @Override
        public String toString() {
            return "RollPupil[" + pupilId + "]";
        }
    }

    /** What a roll upload did (counts of events: a pupil can be both enrolled and left within one file). */
    record RollResult(int enrolled, int left, int changed, int unchanged) {
    }
}
