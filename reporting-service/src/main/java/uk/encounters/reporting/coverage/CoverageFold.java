package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.coverage.Facts.DetailsChanged;
import uk.encounters.reporting.coverage.Facts.EncounterFact;
import uk.encounters.reporting.coverage.Facts.EncounterFacts;
import uk.encounters.reporting.coverage.Facts.Enrolled;
import uk.encounters.reporting.coverage.Facts.Left;
import uk.encounters.reporting.coverage.Facts.MovedHub;
import uk.encounters.reporting.coverage.Facts.Overridden;
import uk.encounters.reporting.coverage.Facts.PupilAttributes;
import uk.encounters.reporting.coverage.Facts.PupilFacts;
import uk.encounters.reporting.coverage.Facts.Recorded;
import uk.encounters.reporting.coverage.Facts.Registered;
import uk.encounters.reporting.coverage.Facts.RegisterCorrected;
import uk.encounters.reporting.coverage.Facts.RollFact;
import uk.encounters.reporting.coverage.Facts.SchoolFact;
import uk.encounters.reporting.coverage.Facts.SchoolFacts;
import uk.encounters.reporting.coverage.Facts.Withdrawn;

/**
 * Folds school and encounter events into {@link Facts}. Every event becomes one fact filed under its entity and
 * stamp, and a stamp already filed is left alone, so the fold is a union of sets: any order, any number of
 * redeliveries, the same facts. Nothing here decides what is current; {@link Ledger} does, when asked, for a moment.
 */
public final class CoverageFold {

    private final Map<String, TreeMap<Stamp, SchoolFact>> schools = new HashMap<>();
    private final Map<String, TreeMap<Stamp, RollFact>> pupils = new HashMap<>();
    private final Map<String, TreeMap<Stamp, EncounterFact>> encounters = new HashMap<>();

    /** @return whether the event told coverage something new (false for other events and redeliveries) */
    public boolean apply(ReceivedEvent<?> received) {
        return apply(Stamp.of(received), received.event());
    }

    public boolean apply(Stamp stamp, IntegrationEvent event) {
        return switch (event) {
            case SchoolRegistered e -> file(schools, e.schoolId(), stamp,
                    new Registered(e.type(), e.hubId(), e.yearGroups()));
            case SchoolMovedHub e -> file(schools, e.schoolId(), stamp, new MovedHub(e.hubId()));
            case PupilEnrolled e -> file(pupils, e.pupilId(), stamp, new Enrolled(e.schoolId(), e.academicYear(),
                    e.admissionDate(), new PupilAttributes(e.yearGroup(), e.sen(), e.pupilPremium(), e.gender(),
                    blankToNull(e.curriculumArea()))));
            case PupilDetailsChanged e -> file(pupils, e.pupilId(), stamp, new DetailsChanged(e.schoolId(),
                    e.academicYear(), new PupilAttributes(e.yearGroup(), e.sen(), e.pupilPremium(), e.gender(),
                    blankToNull(e.curriculumArea()))));
            case PupilLeft e -> file(pupils, e.pupilId(), stamp, new Left(e.schoolId(), e.academicYear(),
                    e.leavingDate()));
            case EncounterRecorded e -> file(encounters, e.encounterId(), stamp, recorded(e));
            case AttendanceCorrected e -> file(encounters, e.encounterId(), stamp,
                    new RegisterCorrected(new HashSet<>(e.attendees()), e.reason()));
            case EncounterWithdrawn e -> file(encounters, e.encounterId(), stamp, new Withdrawn(e.reason()));
            case MeaningfulnessOverridden e when e.benchmark() != null -> file(encounters, e.encounterId(), stamp,
                    new Overridden(e.benchmark(), e.meaningful(), e.reason()));
            default -> false;
        };
    }

    /** An immutable copy of what has been folded so far. */
    public Facts facts() {
        return new Facts(copy(schools, SchoolFacts::new), copy(pupils, PupilFacts::new),
                copy(encounters, EncounterFacts::new));
    }

    private static Recorded recorded(EncounterRecorded e) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        e.checklist().forEach((item, met) -> {
            if (item != null && met != null) {
                answers.put(item, met);
            }
        });
        var tags = EnumSet.noneOf(Benchmark.class);
        e.benchmarks().stream().filter(Objects::nonNull).forEach(tags::add);
        return new Recorded(e.schoolId(), e.employerId(), blankToNull(e.sector()), e.employerSize(),
                e.activityType(), tags, e.date(), e.hours() == null ? BigDecimal.ZERO : e.hours(), e.mode(),
                blankToNull(e.curriculumArea()), new HashSet<>(e.attendees()), answers);
    }

    private static <F> boolean file(Map<String, TreeMap<Stamp, F>> entities, String id, Stamp stamp, F fact) {
        return entities.computeIfAbsent(id, key -> new TreeMap<>(Stamp.ORDER)).putIfAbsent(stamp, fact) == null;
    }

    private static <F, E> Map<String, E> copy(Map<String, TreeMap<Stamp, F>> entities,
                                              java.util.function.BiFunction<String, SortedMap<Stamp, F>, E> make) {
        Map<String, E> copy = new HashMap<>();
        entities.forEach((id, history) ->
                copy.put(id, make.apply(id, Collections.unmodifiableSortedMap(new TreeMap<>(history)))));
        return copy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
