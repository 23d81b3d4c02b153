package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.IntegrationEvents;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.reporting.coverage.Facts.DetailsChanged;
import uk.encounters.reporting.coverage.Facts.EncounterFact;
import uk.encounters.reporting.coverage.Facts.Enrolled;
import uk.encounters.reporting.coverage.Facts.Left;
import uk.encounters.reporting.coverage.Facts.MovedHub;
import uk.encounters.reporting.coverage.Facts.Overridden;
import uk.encounters.reporting.coverage.Facts.PupilAttributes;
import uk.encounters.reporting.coverage.Facts.Recorded;
import uk.encounters.reporting.coverage.Facts.RegisterCorrected;
import uk.encounters.reporting.coverage.Facts.Registered;
import uk.encounters.reporting.coverage.Facts.RollFact;
import uk.encounters.reporting.coverage.Facts.SchoolFact;
import uk.encounters.reporting.coverage.Facts.Withdrawn;

/**
 * The record as it stood at {@code knownAt}: only facts recorded by then, each entity's facts taken in stream order,
 * so the latest register, the latest override per benchmark, the latest hub and the pupils' stays are decided here
 * and nowhere else. Dates ({@code asOf}) are not applied here: a correction fixes the record for past dates too.
 */
final class Ledger {

    private static final Map<String, Integer> START_YEARS = new ConcurrentHashMap<>();
    /** The wire type of the event each encounter fact comes from, which evidence names. */
    private static final Map<Class<? extends EncounterFact>, String> TYPE_NAMES = Map.of(
            Recorded.class, typeName(EncounterRecorded.class),
            RegisterCorrected.class, typeName(AttendanceCorrected.class),
            Withdrawn.class, typeName(EncounterWithdrawn.class),
            Overridden.class, typeName(MeaningfulnessOverridden.class));

    private final Map<String, School> schools = new HashMap<>();
    private final Map<String, Pupil> pupils = new HashMap<>();
    private final Map<String, List<Pupil>> pupilsBySchool = new HashMap<>();
    private final Map<String, Encounter> encounters = new HashMap<>();
    /** Counting encounters (recorded, not withdrawn) by attendee, in date order so evidence reads chronologically. */
    private final Map<String, List<Encounter>> attended = new HashMap<>();

    Ledger(Facts facts, Instant knownAt) {
        facts.schools().forEach((id, f) -> school(id, known(f.history(), knownAt)).ifPresent(s -> schools.put(id, s)));
        facts.pupils().forEach((id, f) -> pupil(id, known(f.history(), knownAt)).ifPresent(p -> pupils.put(id, p)));
        pupils.values().stream().sorted(Comparator.comparing(Pupil::pupilId))
                .forEach(p -> pupilsBySchool.computeIfAbsent(p.schoolId(), k -> new ArrayList<>()).add(p));
        facts.encounters().forEach((id, f) ->
                encounter(id, known(f.history(), knownAt)).ifPresent(e -> encounters.put(id, e)));
        encounters.values().stream()
                .filter(e -> !e.withdrawn())
                .sorted(Comparator.comparing(Encounter::date).thenComparing(Encounter::encounterId))
                .forEach(e -> e.attendees().forEach(p -> attended.computeIfAbsent(p, k -> new ArrayList<>()).add(e)));
    }

    Optional<School> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    Optional<Pupil> pupil(String pupilId) {
        return Optional.ofNullable(pupils.get(pupilId));
    }

    Optional<Encounter> encounter(String encounterId) {
        return Optional.ofNullable(encounters.get(encounterId));
    }

    List<Pupil> pupilsOf(String schoolId) {
        return pupilsBySchool.getOrDefault(schoolId, List.of());
    }

    /** The encounters the school recorded, withdrawn ones included, in no particular order. */
    List<Encounter> encountersOf(String schoolId) {
        return encounters.values().stream().filter(e -> schoolId.equals(e.schoolId())).toList();
    }

    List<School> schoolsOfHub(String hubId) {
        return schools.values().stream().filter(s -> hubId.equals(s.hubId()))
                .sorted(Comparator.comparing(School::schoolId)).toList();
    }

    /** The pupil's counting encounters, whatever their date; the rules apply {@code asOf}. */
    List<Encounter> attendedBy(String pupilId) {
        return attended.getOrDefault(pupilId, List.of());
    }

    /** Type of a school, SCHOOL where its registration is not (yet) known: schools' rules are the general case. */
    SchoolType typeOf(String schoolId) {
        return school(schoolId).map(School::type).orElse(SchoolType.SCHOOL);
    }

    /**
     * {@link AcademicYears#startYear}, remembered: it parses with a regular expression, and a hub's ledger asks it for
     * every roll event. Only well-formed years get in (others throw), so this holds a few dozen entries.
     */
    static int startYear(String academicYear) {
        return START_YEARS.computeIfAbsent(academicYear, AcademicYears::startYear);
    }

    private static <F> List<Map.Entry<Stamp, F>> known(SortedMap<Stamp, F> history, Instant knownAt) {
        return history.entrySet().stream().filter(e -> e.getKey().knownAt(knownAt)).toList();
    }

    record School(String schoolId, SchoolType type, String hubId, List<Integer> yearGroups) {
    }

    private static Optional<School> school(String schoolId, List<Map.Entry<Stamp, SchoolFact>> facts) {
        School school = null;
        for (Map.Entry<Stamp, SchoolFact> entry : facts) {
            switch (entry.getValue()) {
                case Registered r -> school = new School(schoolId, r.type(), r.hubId(), r.yearGroups());
                case MovedHub m -> school = school == null ? null
                        : new School(schoolId, school.type(), m.hubId(), school.yearGroups());
            }
        }
        return Optional.ofNullable(school);
    }

    /** A time on the roll: from admission to leaving, both days included. */
    record Stay(LocalDate admission, LocalDate leaving) {
        boolean covers(LocalDate date) {
            return (admission == null || !admission.isAfter(date)) && (leaving == null || !date.isAfter(leaving));
        }
    }

    /**
     * A pupil as the roll describes them: their stays, and per academic year (by start year) the year group and
     * attributes recorded for it.
     */
    record Pupil(String pupilId, String schoolId, List<Stay> stays, NavigableMap<Integer, PupilAttributes> byYear) {

        boolean onRoll(LocalDate date) {
            for (Stay stay : stays) {
                if (stay.covers(date)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * From the latest year recorded at or before the academic year, moved up one per year since; only when the
         * roll knows nothing that early, back from the earliest year recorded.
         */
        OptionalInt yearGroupIn(String academicYear) {
            return yearGroupIn(startYear(academicYear));
        }

        /** As {@link #yearGroupIn(String)}, for the academic year starting in {@code startYear}. */
        OptionalInt yearGroupIn(int startYear) {
            Map.Entry<Integer, PupilAttributes> anchor = floor(startYear);
            return anchor == null ? OptionalInt.empty()
                    : OptionalInt.of(anchor.getValue().yearGroup() + startYear - anchor.getKey());
        }

        /** SEN, pupil premium, gender and curriculum area as recorded for the year (or the nearest earlier one). */
        Optional<PupilAttributes> attributesIn(String academicYear) {
            return attributesIn(startYear(academicYear));
        }

        Optional<PupilAttributes> attributesIn(int startYear) {
            return Optional.ofNullable(floor(startYear)).map(Map.Entry::getValue);
        }

        private Map.Entry<Integer, PupilAttributes> floor(int year) {
            Map.Entry<Integer, PupilAttributes> floor = byYear.floorEntry(year);
            return floor != null ? floor : byYear.firstEntry();
        }
    }

    private static Optional<Pupil> pupil(String pupilId, List<Map.Entry<Stamp, RollFact>> facts) {
        String schoolId = null;
        List<Stay> stays = new ArrayList<>();
        TreeMap<Integer, PupilAttributes> byYear = new TreeMap<>();
        for (Map.Entry<Stamp, RollFact> entry : facts) {
            RollFact fact = entry.getValue();
            schoolId = fact.schoolId();
            switch (fact) {
                case Enrolled e -> {
                    int startYear = startYear(e.academicYear());
                    stays.add(new Stay(e.admissionDate() != null ? e.admissionDate()
                            : LocalDate.of(startYear, 9, 1), null));
                    byYear.put(startYear, e.attributes());
                }
                case DetailsChanged d -> {
                    byYear.put(startYear(d.academicYear()), d.attributes());
                }
                // A leaving date with no stay before it in the stream is not the roll's story: ignore it.
                case Left l -> {
                    if (!stays.isEmpty()) {
                        stays.set(stays.size() - 1, new Stay(stays.getLast().admission(), l.leavingDate()));
                    }
                }
            }
        }
        return byYear.isEmpty() ? Optional.empty()
                : Optional.of(new Pupil(pupilId, schoolId, List.copyOf(stays), byYear));
    }

    /** Why an encounter counts (or not) for one benchmark; {@code overrideEvent} is the override in force, if any. */
    record Judgement(Benchmark benchmark, FrameworkVersion framework, boolean checklistMet, Boolean overridden,
                     String overrideReason, EvidenceEvent overrideEvent) {
        boolean meaningful() {
            return overridden != null ? overridden : checklistMet;
        }
    }

    record Encounter(String encounterId, String schoolId, String sector, EmployerSize employerSize,
                     ActivityType activityType, Set<Benchmark> benchmarks, LocalDate date, String academicYear,
                     int startYear, FrameworkVersion framework, BigDecimal hours, DeliveryMode mode,
                     String curriculumArea, Map<String, Boolean> checklist, Set<String> attendees, boolean withdrawn,
                     Map<Benchmark, Judgement> judgements, EvidenceEvent recorded, EvidenceEvent register,
                     List<EvidenceEvent> events) {

        /** Tagged B, not withdrawn, and B's checklist met under the encounter's framework unless overridden. */
        boolean meaningful(Benchmark benchmark) {
            Judgement judgement = judgements.get(benchmark);
            return !withdrawn && judgement != null && judgement.meaningful();
        }

        /** The events that make this encounter what it is for a benchmark: record, register, any override used. */
        List<EvidenceEvent> evidence(Benchmark benchmark) {
            Judgement judgement = benchmark == null ? null : judgements.get(benchmark);
            EvidenceEvent override = judgement == null ? null : judgement.overrideEvent();
            if (register.equals(recorded)) {
                return override == null ? List.of(recorded) : List.of(recorded, override);
            }
            return override == null ? List.of(recorded, register) : List.of(recorded, register, override);
        }
    }

    private static Optional<Encounter> encounter(String encounterId, List<Map.Entry<Stamp, EncounterFact>> facts) {
        Recorded recorded = null;
        EvidenceEvent recordedEvent = null;
        Set<String> register = null;
        EvidenceEvent registerEvent = null;
        boolean withdrawn = false;
        Map<Benchmark, Overridden> overrides = new EnumMap<>(Benchmark.class);
        Map<Benchmark, EvidenceEvent> overrideEvents = new EnumMap<>(Benchmark.class);
        List<EvidenceEvent> events = new ArrayList<>(facts.size());
        // In stream order: a later register or override replaces an earlier one, whatever order they arrived in.
        for (Map.Entry<Stamp, EncounterFact> entry : facts) {
            Stamp stamp = entry.getKey();
            EncounterFact fact = entry.getValue();
            EvidenceEvent event = new EvidenceEvent(stamp.eventId(), TYPE_NAMES.get(fact.getClass()),
                    stamp.recordedAt(), stamp.recordedBy());
            events.add(event);
            switch (fact) {
                case Recorded r -> {
                    recorded = r;
                    recordedEvent = event;
                    register = r.attendees();
                    registerEvent = event;
                }
                case RegisterCorrected c -> {
                    register = c.attendees();
                    registerEvent = event;
                }
                case Withdrawn w -> withdrawn = true;
                case Overridden o -> {
                    overrides.put(o.benchmark(), o);
                    overrideEvents.put(o.benchmark(), event);
                }
            }
        }
        if (recorded == null || recorded.date() == null) {
            return Optional.empty();
        }
        // Worked out once here: the rules ask for an encounter's year for every pupil on its register.
        String academicYear = AcademicYears.containing(recorded.date());
        FrameworkVersion framework = FrameworkVersion.forAcademicYear(academicYear);
        Map<Benchmark, Judgement> judgements = new EnumMap<>(Benchmark.class);
        for (Benchmark benchmark : recorded.benchmarks()) {
            Overridden override = overrides.get(benchmark);
            judgements.put(benchmark, new Judgement(benchmark, framework,
                    checklistMet(recorded.checklist(), benchmark, framework),
                    override == null ? null : override.meaningful(), override == null ? null : override.reason(),
                    overrideEvents.get(benchmark)));
        }
        return Optional.of(new Encounter(encounterId, recorded.schoolId(), recorded.sector(),
                recorded.employerSize(), recorded.activityType(), recorded.benchmarks(), recorded.date(),
                academicYear, startYear(academicYear), framework, recorded.hours(), recorded.mode(),
                recorded.curriculumArea(), recorded.checklist(), register, withdrawn, judgements, recordedEvent,
                registerEvent, List.copyOf(events)));
    }

    private static String typeName(Class<?> contract) {
        return IntegrationEvents.REGISTRY.byClass(contract).orElseThrow().typeName();
    }

    static boolean checklistMet(Map<String, Boolean> checklist, Benchmark benchmark, FrameworkVersion framework) {
        return ChecklistItem.required(benchmark, framework).stream()
                .allMatch(item -> Boolean.TRUE.equals(checklist.get(item.name())));
    }
}
