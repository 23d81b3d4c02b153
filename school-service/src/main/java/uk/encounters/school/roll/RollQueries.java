package uk.encounters.school.roll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Service;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.institution.School;
import uk.encounters.school.roll.PupilRecords.PupilRecord;

/**
 * A school's roll as its staff see it: the read model joined with the personal store. Eventually consistent with
 * uploads (the read model follows the event store within moments).
 */
@Service
public class RollQueries {

    /**
     * One pupil of a roll, with personal data: for the school's own staff only.
     *
     * @param yearGroup the pupil's year group in {@code academicYear}
     * @param onRoll    false once the leaving date has come: such pupils are listed only when leavers are asked for
     */
    public record RollPupil(String pupilId, String upn, String forename, String surname, LocalDate dateOfBirth,
                            int yearGroup, String gender, String sen, boolean pupilPremium, LocalDate admissionDate,
                            LocalDate leavingDate, String curriculumArea, String academicYear, boolean onRoll) {

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

    /** The roll's academic year (null before the first upload) and how many pupils are on it today. */
    public record RollSummary(String academicYear, int pupilsOnRoll) {
    }

    /**
     * @param academicYear   null for the roll's current year
     * @param includeLeavers whether pupils whose leaving date has come are listed too. A pupil leaving today is
     *                       still on roll today for coverage (DOMAIN.md), but the school that just uploaded a roll
     *                       without them expects them gone from the list.
     * @param yearGroup      null for every year group
     */
    public List<RollPupil> pupils(String schoolId, String academicYear, boolean includeLeavers, Integer yearGroup) {
        if (yearGroup != null && (yearGroup < School.FIRST_YEAR_GROUP || yearGroup > School.LAST_YEAR_GROUP)) {
            throw ProblemException.unprocessable("yearGroup",
                    "Year groups are " + School.FIRST_YEAR_GROUP + " to " + School.LAST_YEAR_GROUP + ".");
        }
        schools.get(schoolId);
        String year = academicYear == null || academicYear.isBlank()
                ? view.currentAcademicYear(schoolId).orElse(null)
                : RollUploads.normalisedAcademicYear(academicYear);
        if (year == null) {
            return List.of();
        }
        LocalDate today = today();
        Map<String, Document> pupils = view.pupils(schoolId, year);
        if (yearGroup != null) {
            pupils.values().removeIf(attributes -> !yearGroup.equals(attributes.getInteger("yearGroup")));
        }
        Map<String, PupilRecord> people = records.findById(pupils.keySet());
        return pupils.entrySet().stream()
                .filter(e -> people.containsKey(e.getKey()))
                .map(e -> pupil(e.getKey(), e.getValue(), people.get(e.getKey()), year, today))
                .filter(p -> includeLeavers || p.onRoll())
                .sorted(Comparator.comparingInt(RollPupil::yearGroup).thenComparing(RollPupil::surname)
                        .thenComparing(RollPupil::forename).thenComparing(RollPupil::pupilId))
                .toList();
    }

    /**
     * The roll's current academic year and the pupils on it today, counted from the read model alone (every pupil in
     * it has a personal record: uploads store those first), so the same pupils the roll lists by default.
     */
    public RollSummary summary(String schoolId) {
        Optional<String> year = view.currentAcademicYear(schoolId);
        if (year.isEmpty()) {
            return new RollSummary(null, 0);
        }
        LocalDate today = today();
        int onRoll = (int) view.pupils(schoolId, year.get()).values().stream()
                .filter(attributes -> onRoll(date(attributes.getString("leavingDate")), today))
                .count();
        return new RollSummary(year.get(), onRoll);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RollUploads.SCHOOL_ZONE));
    }

    /** The list's rule: a pupil whose leaving date is today has gone from it already. */
    private static boolean onRoll(LocalDate leavingDate, LocalDate today) {
        return leavingDate == null || leavingDate.isAfter(today);
    }

    private static RollPupil pupil(String pupilId, Document attributes, PupilRecord person, String academicYear,
                                   LocalDate today) {
        LocalDate leavingDate = date(attributes.getString("leavingDate"));
        return new RollPupil(pupilId, person.upn(), person.forename(), person.surname(), person.dateOfBirth(),
                attributes.getInteger("yearGroup"), attributes.getString("gender"), attributes.getString("sen"),
                attributes.getBoolean("pupilPremium"), date(attributes.getString("admissionDate")), leavingDate,
                attributes.getString("curriculumArea"), academicYear, onRoll(leavingDate, today));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
