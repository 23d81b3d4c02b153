package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/**
 * What the events have said, keyed by school, pupil and encounter id, each entity's facts in the order of its
 * aggregate's stream ({@link Stamp#ORDER}). Nothing is resolved here (no "current register", no "on roll"): every
 * version is kept, because a report as known at an earlier moment needs the versions known then, and a correction
 * that arrives before what it corrects must still sort after it.
 * <p>
 * Built by {@link CoverageFold}; equal for equal sets of events whatever order they came in.
 */
public record Facts(Map<String, SchoolFacts> schools, Map<String, PupilFacts> pupils,
                    Map<String, EncounterFacts> encounters) {

    public Facts {
        schools = Map.copyOf(schools);
        pupils = Map.copyOf(pupils);
        encounters = Map.copyOf(encounters);
    }

    /**
     * The same facts without the pupils': enough for what schools and encounters alone decide (a school's hub, its
     * encounters and their registers), and much cheaper for {@link Ledger} to go through.
     */
    public Facts withoutPupils() {
        return new Facts(schools, Map.of(), encounters);
    }

    public record SchoolFacts(String schoolId, SortedMap<Stamp, SchoolFact> history) {
    }

    public record PupilFacts(String pupilId, SortedMap<Stamp, RollFact> history) {
    }

    public record EncounterFacts(String encounterId, SortedMap<Stamp, EncounterFact> history) {
    }

    public sealed interface SchoolFact {
    }

    public record Registered(SchoolType type, String hubId, List<Integer> yearGroups) implements SchoolFact {
        public Registered {
            yearGroups = List.copyOf(yearGroups);
        }
    }

    public record MovedHub(String hubId) implements SchoolFact {
    }

    /** What a roll event says about one pupil; the attributes as the roll stands for {@code academicYear}. */
    public sealed interface RollFact {
        String schoolId();

        String academicYear();
    }

    public record PupilAttributes(int yearGroup, Sen sen, boolean pupilPremium, Gender gender,
                                  String curriculumArea) {
    }

    public record Enrolled(String schoolId, String academicYear, LocalDate admissionDate, PupilAttributes attributes)
            implements RollFact {
    }

    public record DetailsChanged(String schoolId, String academicYear, PupilAttributes attributes)
            implements RollFact {
    }

    public record Left(String schoolId, String academicYear, LocalDate leavingDate) implements RollFact {
    }

    public sealed interface EncounterFact {
    }

    /**
     * The encounter as recorded. The publisher's own {@code meaningful} verdict is not kept: the checklist is, and
     * is judged here against the framework of the encounter's date, so the rule lives in one tested place.
     * The employer's sector and size are as encounter-service knew them when the encounter was recorded.
     */
    public record Recorded(String schoolId, String employerId, String sector, EmployerSize employerSize,
                           ActivityType activityType, Set<Benchmark> benchmarks, LocalDate date, BigDecimal hours,
                           DeliveryMode mode, String curriculumArea, Set<String> attendees,
                           Map<String, Boolean> checklist) implements EncounterFact {
        public Recorded {
            benchmarks = Set.copyOf(benchmarks);
            attendees = Set.copyOf(attendees);
            checklist = Map.copyOf(checklist);
        }
    }

    /** A corrected register: it replaces the whole list. */
    public record RegisterCorrected(Set<String> attendees, String reason) implements EncounterFact {
        public RegisterCorrected {
            attendees = Set.copyOf(attendees);
        }
    }

    public record Withdrawn(String reason) implements EncounterFact {
    }

    public record Overridden(Benchmark benchmark, boolean meaningful, String reason) implements EncounterFact {
    }
}
