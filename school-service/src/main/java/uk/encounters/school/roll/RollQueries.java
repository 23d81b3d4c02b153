package uk.encounters.school.roll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Service;
import uk.encounters.school.roll.PupilRecords.PupilRecord;

/**
 * A school's roll as its staff see it: the read model joined with the personal store. Eventually consistent with
 * uploads (the read model follows the event store within moments).
 */
@Service
public class RollQueries {

    /** One pupil of a roll, with personal data: for the school's own staff only. */
    public record RollPupil(String pupilId, String upn, String forename, String surname, LocalDate dateOfBirth,
                            int yearGroup, String gender, String sen, boolean pupilPremium, LocalDate admissionDate,
                            LocalDate leavingDate, String curriculumArea, String academicYear) {

        @Override
        public String toString() {
            return "RollPupil[" + pupilId + "]";
        }
    }

    private final RollView view;
    private final PupilRecords records;
    private final RegisteredSchools schools;
    private final Clock clock;

    RollQueries(RollView view, PupilRecords records, RegisteredSchools schools, Clock clock) {
        this.view = view;
        this.records = records;
        this.schools = schools;
        this.clock = clock;
    }

    /**
     * @param academicYear   null for the roll's current year
     * @param includeLeavers whether pupils whose leaving date has come are listed too. A pupil leaving today is
     *                       still on roll today for coverage (DOMAIN.md), but the school that just uploaded a roll
     *                       without them expects them gone from the list.
     */
    public List<RollPupil> pupils(String schoolId, String academicYear, boolean includeLeavers) {
        schools.get(schoolId);
        String year = academicYear == null || academicYear.isBlank()
                ? view.currentAcademicYear(schoolId).orElse(null)
                : RollUploads.normalisedAcademicYear(academicYear);
        if (year == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(RollUploads.SCHOOL_ZONE));
        Map<String, Document> pupils = view.pupils(schoolId, year);
        Map<String, PupilRecord> people = records.findById(pupils.keySet());
        return pupils.entrySet().stream()
                .filter(e -> people.containsKey(e.getKey()))
                .map(e -> pupil(e.getKey(), e.getValue(), people.get(e.getKey()), year))
                .filter(p -> includeLeavers || p.leavingDate() == null || p.leavingDate().isAfter(today))
                .sorted(Comparator.comparingInt(RollPupil::yearGroup).thenComparing(RollPupil::surname)
                        .thenComparing(RollPupil::forename).thenComparing(RollPupil::pupilId))
                .toList();
    }

    private static RollPupil pupil(String pupilId, Document attributes, PupilRecord person, String academicYear) {
        return new RollPupil(pupilId, person.upn(), person.forename(), person.surname(), person.dateOfBirth(),
                attributes.getInteger("yearGroup"), attributes.getString("gender"), attributes.getString("sen"),
                attributes.getBoolean("pupilPremium"), date(attributes.getString("admissionDate")),
                date(attributes.getString("leavingDate")), attributes.getString("curriculumArea"), academicYear);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
