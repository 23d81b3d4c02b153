package uk.encounters.encounter.reads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.board.Board;
import uk.encounters.encounter.employer.EmployerDirectory;
import uk.encounters.encounter.employer.EmployerDirectory.EmployerProfile;
import uk.encounters.encounter.encounter.Encounter;

/**
 * Encounters as the portal shows them: an employer's and a school's lists (newest date first, then by id) from the
 * read documents, and one encounter in full from its stream. Only the full view of a school's own encounter carries
 * pupil ids; the lists carry the register's size.
 */
@Component
public class EncounterReads {

    private final PartyLists lists;
    private final Board board;
    private final EmployerDirectory employers;
    private final EventStore eventStore;

    EncounterReads(PartyLists lists, Board board, EmployerDirectory employers, EventStore eventStore) {
        this.lists = lists;
        this.board = board;
        this.employers = employers;
        this.eventStore = eventStore;
    }

    public List<EmployerEncounter> byEmployer(String employerId) {
        List<Document> found = lists.of(ReadModels.employerParty(employerId), "encounterIds", ReadModels.ENCOUNTERS);
        Map<String, String> schoolNames = board.schoolNames(found.stream().map(d -> d.getString("schoolId")).toList());
        return found.stream()
                .map(d -> new EmployerEncounter(d.getString("_id"), d.getString("schoolId"),
                        schoolNames.get(d.getString("schoolId")), d.getString("activityType"),
                        Dates.date(d.getString("date")), hours(d), d.getString("mode"), d.getString("location"),
                        d.getString("status"), d.getInteger("attendeeCount", 0), d.getString("shoutOutId"),
                        d.getString("offerId")))
                .sorted(newestFirst(EmployerEncounter::date, EmployerEncounter::encounterId))
                .toList();
    }

    /** @param academicYear {@code 2026/27}, or null for every year */
    public List<SchoolEncounter> bySchool(String schoolId, String academicYear) {
        List<Document> found = lists.of(ReadModels.schoolParty(schoolId), "encounterIds", ReadModels.ENCOUNTERS)
                .stream()
                .filter(d -> academicYear == null || academicYear.equals(d.getString("academicYear")))
                .toList();
        Map<String, Document> employerDocs = new HashMap<>();
        lists.byIds(ReadModels.EMPLOYERS, found.stream().map(d -> d.getString("employerId")).distinct().toList())
                .forEach(d -> employerDocs.put(d.getString("_id"), d));
        return found.stream()
                .map(d -> {
                    Document employer = employerDocs.getOrDefault(d.getString("employerId"), new Document());
                    // As recorded where recorded (sector and size then are part of the record); else as registered.
                    return new SchoolEncounter(d.getString("_id"), d.getString("employerId"),
                            employer.getString("name"), firstOf(d.getString("sector"), employer.getString("sector")),
                            firstOf(d.getString("employerSize"), employer.getString("size")),
                            d.getString("activityType"), d.getList("benchmarks", String.class, List.of()),
                            Dates.date(d.getString("date")), d.getString("academicYear"), hours(d),
                            d.getString("mode"), d.getString("location"), d.getString("curriculumArea"),
                            d.getString("status"), d.getInteger("attendeeCount", 0), d.getString("shoutOutId"),
                            d.getString("offerId"));
                })
                .sorted(newestFirst(SchoolEncounter::date, SchoolEncounter::encounterId))
                .toList();
    }

    /** The encounter in full, as its school's careers leader sees it; {@link EncounterDetail#withoutRegister} for its employer. */
    public Optional<EncounterDetail> find(String encounterId) {
        return EncounterFold.of(eventStore.readEvents(encounterId)).map(fold -> {
            Optional<EmployerProfile> employer = employers.find(fold.employerId);
            String schoolName = board.schoolNames(List.of(fold.schoolId)).get(fold.schoolId);
            return new EncounterDetail(fold.encounterId, fold.schoolId, schoolName, fold.employerId,
                    employer.map(EmployerProfile::name).orElse(null),
                    fold.sector != null ? fold.sector : employer.map(EmployerProfile::sector).orElse(null),
                    fold.employerSize != null ? fold.employerSize : employer.map(EmployerProfile::size).orElse(null),
                    fold.activityType, fold.benchmarks, fold.date,
                    fold.date == null ? null : AcademicYears.containing(fold.date), fold.hours, fold.mode,
                    fold.location, fold.curriculumArea, fold.status, fold.attendees, fold.attendees.size(),
                    fold.checklist, fold.meaningful, fold.framework, fold.overrides, fold.withdrawalReason,
                    fold.shoutOutId, fold.offerId, fold.history);
        });
    }

    private static <T> Comparator<T> newestFirst(Function<T, LocalDate> date, Function<T, String> id) {
        return Comparator.comparing(date, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())).thenComparing(id);
    }

    private static BigDecimal hours(Document d) {
        return d.getString("hours") == null ? null : new BigDecimal(d.getString("hours"));
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    /**
     * @param hours         null until recorded
     * @param attendeeCount the size of the latest register; 0 until recorded
     */
    public record EmployerEncounter(String encounterId, String schoolId, String schoolName, String activityType,
                                    LocalDate date, BigDecimal hours, String mode, String location, String status,
                                    int attendeeCount, String shoutOutId, String offerId) {
    }

    /** @param benchmarks as tagged when recorded; empty until then */
    public record SchoolEncounter(String encounterId, String employerId, String employerName, String sector,
                                  String employerSize, String activityType, List<String> benchmarks, LocalDate date,
                                  String academicYear, BigDecimal hours, String mode, String location,
                                  String curriculumArea, String status, int attendeeCount, String shoutOutId,
                                  String offerId) {
    }

    /**
     * @param attendees  the latest register's pupil ids; null in the employer's view
     * @param checklist  the answers as recorded
     * @param meaningful per tagged benchmark, the checklist's result with any override applied
     * @param history    every change, oldest first
     */
    public record EncounterDetail(String encounterId, String schoolId, String schoolName, String employerId,
                                  String employerName, String sector, EmployerSize employerSize,
                                  ActivityType activityType, List<Benchmark> benchmarks, LocalDate date,
                                  String academicYear, BigDecimal hours, DeliveryMode mode, String location,
                                  String curriculumArea, Encounter.Status status, List<String> attendees,
                                  int attendeeCount, Map<String, Boolean> checklist, Map<Benchmark, Boolean> meaningful,
                                  FrameworkVersion framework, List<MeaningOverride> overrides, String withdrawalReason,
                                  String shoutOutId, String offerId, List<Change> history) {

        /**
         * What the encounter's employer sees: no pupil ids (the count stays), and no reasons for register
         * corrections, the one free text where a school is likely to name a pupil.
         */
        public EncounterDetail withoutRegister() {
            List<Change> changes = history.stream()
                    .map(c -> c.what().equals("ATTENDANCE_CORRECTED") ? new Change(c.what(), c.at(), null, c.by()) : c)
                    .toList();
            return new EncounterDetail(encounterId, schoolId, schoolName, employerId, employerName, sector,
                    employerSize, activityType, benchmarks, date, academicYear, hours, mode, location, curriculumArea,
                    status, null, attendeeCount, checklist, meaningful, framework, overrides, withdrawalReason,
                    shoutOutId, offerId, changes);
        }
    }

    public record MeaningOverride(Benchmark benchmark, boolean meaningful, String reason, Instant at) {
    }

    /**
     * @param what SCHEDULED, CANCELLED, RECORDED, ATTENDANCE_CORRECTED, WITHDRAWN or MEANINGFULNESS_OVERRIDDEN
     * @param by   who cancelled (SCHOOL or EMPLOYER); null for other changes
     */
    public record Change(String what, Instant at, String reason, String by) {
    }
}
