package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/**
 * A platform history written the way the publishers would write it: each event stamped with a fresh event id, its
 * aggregate's next sequence (a school's roll is one aggregate, each encounter another) and a recorded-at instant
 * one minute after the previous event unless {@link #at} moves the clock, on behalf of the account {@link #by} names
 * ({@code leader-1} unless told).
 */
public final class History {

    public record Stamped(Stamp stamp, IntegrationEvent event) {
    }

    private final List<Stamped> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2024-09-01T07:00:00Z");
    private int ids;
    private String employerId = "employer-1";
    private String sector = "Health";
    private EmployerSize employerSize = EmployerSize.LARGE;
    private String actingUser = "leader-1";

    /** Records the following events from this instant on. */
    History at(Instant instant) {
        clock = instant;
        return this;
    }

    /** Records the following events on behalf of this account. */
    History by(String account) {
        actingUser = account;
        return this;
    }

    Instant lastRecordedAt() {
        return events.getLast().stamp().recordedAt();
    }

    public List<Stamped> events() {
        return List.copyOf(events);
    }

    Facts facts() {
        CoverageFold fold = new CoverageFold();
        events.forEach(e -> fold.apply(e.stamp(), e.event()));
        return fold.facts();
    }

    Coverage coverage() {
        return Coverage.of(facts(), null);
    }

    Coverage coverageKnownAt(Instant knownAt) {
        return Coverage.of(facts(), knownAt);
    }

    Stamped add(String aggregateId, IntegrationEvent event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Stamped stamped = new Stamped(new Stamp("event-" + (++ids), aggregateId, sequence, clock, actingUser), event);
        events.add(stamped);
        clock = clock.plus(Duration.ofMinutes(1));
        return stamped;
    }

    // school-service

    History school(String schoolId, SchoolType type, String hubId) {
        List<Integer> years = type == SchoolType.COLLEGE ? List.of(12, 13) : List.of(7, 8, 9, 10, 11, 12, 13);
        add("school-" + schoolId, new SchoolRegistered(schoolId, "urn-" + schoolId, "School " + schoolId, type, hubId,
                years));
        return this;
    }

    History moveHub(String schoolId, String from, String to) {
        add("school-" + schoolId, new SchoolMovedHub(schoolId, from, to));
        return this;
    }

    History enrol(String pupilId, String schoolId, String academicYear, int yearGroup, LocalDate admission) {
        return enrol(pupilId, schoolId, academicYear, yearGroup, admission, Sen.NONE, false, Gender.FEMALE, null);
    }

    History enrol(String pupilId, String schoolId, String academicYear, int yearGroup, LocalDate admission, Sen sen,
                  boolean pupilPremium, Gender gender, String curriculumArea) {
        add("roll-" + schoolId, new PupilEnrolled(pupilId, schoolId, academicYear, yearGroup, admission, sen,
                pupilPremium, gender, curriculumArea));
        return this;
    }

    History detailsChanged(String pupilId, String schoolId, String academicYear, int yearGroup, Sen sen,
                           boolean pupilPremium, Gender gender, String curriculumArea) {
        add("roll-" + schoolId, new PupilDetailsChanged(pupilId, schoolId, academicYear, yearGroup, sen,
                pupilPremium, gender, curriculumArea));
        return this;
    }

    History leave(String pupilId, String schoolId, LocalDate leavingDate) {
        add("roll-" + schoolId, new PupilLeft(pupilId, schoolId, AcademicYears.containing(leavingDate), leavingDate));
        return this;
    }

    // encounter-service

    /** Encounters recorded from now on are with this employer. */
    History employer(String employerId, String sector, EmployerSize size) {
        this.employerId = employerId;
        this.sector = sector;
        this.employerSize = size;
        return this;
    }

    /** A careers talk tagged GB5 with every item of both frameworks' GB5 lists met. */
    History talk(String encounterId, String schoolId, LocalDate date, String... attendees) {
        return record(encounterId, schoolId, ActivityType.CAREERS_TALK, Set.of(Benchmark.GB5), date, "1",
                DeliveryMode.IN_PERSON, null, allMet(), attendees);
    }

    /** A workplace visit tagged GB6 with every item of both frameworks' GB6 lists met. */
    History visit(String encounterId, String schoolId, LocalDate date, String... attendees) {
        return record(encounterId, schoolId, ActivityType.WORKPLACE_VISIT, Set.of(Benchmark.GB6), date, "3",
                DeliveryMode.IN_PERSON, null, allMet(), attendees);
    }

    History record(String encounterId, String schoolId, ActivityType activity, Set<Benchmark> benchmarks,
                   LocalDate date, String hours, DeliveryMode mode, String curriculumArea,
                   Map<String, Boolean> checklist, String... attendees) {
        String academicYear = AcademicYears.containing(date);
        FrameworkVersion framework = FrameworkVersion.forAcademicYear(academicYear);
        Map<Benchmark, Boolean> meaningful = new LinkedHashMap<>();
        // The publisher's verdict is deliberately the opposite of the checklist's: coverage must judge for itself.
        benchmarks.forEach(b -> meaningful.put(b, !Ledger.checklistMet(checklist, b, framework)));
        add("encounter-" + encounterId, new EncounterRecorded(encounterId, schoolId, employerId, sector,
                employerSize, null, null, activity, List.copyOf(benchmarks), date, academicYear,
                new BigDecimal(hours), mode, "Site", curriculumArea, List.of(attendees), checklist, meaningful,
                framework));
        return this;
    }

    History correct(String encounterId, String schoolId, String... attendees) {
        add("encounter-" + encounterId, new AttendanceCorrected(encounterId, schoolId, List.of(attendees),
                "register fixed"));
        return this;
    }

    History withdraw(String encounterId, String schoolId) {
        add("encounter-" + encounterId, new EncounterWithdrawn(encounterId, schoolId, "never happened"));
        return this;
    }

    History override(String encounterId, String schoolId, Benchmark benchmark, boolean meaningful) {
        add("encounter-" + encounterId, new MeaningfulnessOverridden(encounterId, schoolId, benchmark, meaningful,
                "careers leader's judgement"));
        return this;
    }

    static Map<String, Boolean> allMet() {
        return checklist(ChecklistItem.values());
    }

    /** The listed items met and every other item answered no. */
    static Map<String, Boolean> checklist(ChecklistItem... met) {
        Set<ChecklistItem> yes = met.length == 0 ? EnumSet.noneOf(ChecklistItem.class) : EnumSet.copyOf(Arrays.asList(met));
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            answers.put(item.name(), yes.contains(item));
        }
        return answers;
    }

    static Map<String, Boolean> required(Benchmark benchmark, FrameworkVersion framework) {
        return checklist(ChecklistItem.required(benchmark, framework).toArray(ChecklistItem[]::new));
    }
}
