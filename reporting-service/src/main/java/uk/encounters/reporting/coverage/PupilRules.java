package uk.encounters.reporting.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.reporting.coverage.Facts.PupilAttributes;
import uk.encounters.reporting.coverage.Ledger.Encounter;
import uk.encounters.reporting.coverage.Ledger.Pupil;

/**
 * DOMAIN.md's per-pupil rules, as pure functions of the ledger and a date. An encounter counts for a pupil on
 * {@code asOf} when it is dated on or before it, is not withdrawn and the pupil is on its register in force; the
 * pupil's year group at the time is the one their roll gives for the encounter's academic year.
 */
final class PupilRules {

    /** Colleges: at least two meaningful encounters a year, at least one through the learner's curriculum area. */
    static final int COLLEGE_GB5_ENCOUNTERS = 2;

    private PupilRules() {
    }

    /** Everything the school figures need about one pupil in {@code academicYear} on {@code asOf}. */
    record Standing(Pupil pupil, int yearGroup, PupilAttributes attributes, boolean gb5Met,
                    List<EncounterEvidence> gb5, Gb6Progress by16, Gb6Progress by18, WorkExperienceHours hours) {

        boolean met(Measure measure) {
            return switch (measure) {
                case GB5 -> gb5Met;
                case GB6_BY_16 -> by16 != null && by16.met();
                case GB6_BY_18 -> by18.met();
            };
        }

        List<EncounterEvidence> evidence(Measure measure) {
            return switch (measure) {
                case GB5 -> gb5;
                case GB6_BY_16 -> by16 == null ? List.of() : by16.encounters();
                case GB6_BY_18 -> by18.encounters();
            };
        }
    }

    /** {@code startYear} is the academic year's, as {@link AcademicYears#startYear} gives it. */
    static Standing standing(Ledger ledger, Pupil pupil, int startYear, LocalDate asOf) {
        SchoolType type = ledger.typeOf(pupil.schoolId());
        List<Encounter> attended = counting(ledger, pupil, asOf);
        PupilAttributes attributes = pupil.attributesIn(startYear).orElseThrow();
        List<EncounterEvidence> gb5 = gb5Encounters(pupil, attended, startYear, type, attributes);
        return new Standing(pupil, pupil.yearGroupIn(startYear).orElseThrow(), attributes,
                gb5Met(type, gb5), gb5, type == SchoolType.COLLEGE ? null : gb6(pupil, attended, 7, 11),
                gb6(pupil, attended, 12, 13), hours(pupil, attended));
    }

    /** The pupil's encounters dated on or before {@code asOf}, in date order. */
    static List<Encounter> counting(Ledger ledger, Pupil pupil, LocalDate asOf) {
        return ledger.attendedBy(pupil.pupilId()).stream().filter(e -> !e.date().isAfter(asOf)).toList();
    }

    static List<EncounterEvidence> gb5Encounters(Pupil pupil, List<Encounter> attended, int startYear,
                                                 SchoolType type, PupilAttributes attributes) {
        List<EncounterEvidence> evidence = new ArrayList<>();
        for (Encounter encounter : attended) {
            if (encounter.startYear() == startYear && encounter.meaningful(Benchmark.GB5)) {
                Boolean linked = type == SchoolType.COLLEGE
                        ? curriculumLinked(attributes.curriculumArea(), encounter.curriculumArea()) : null;
                evidence.add(evidence(encounter, pupil, Benchmark.GB5, linked));
            }
        }
        return evidence;
    }

    static boolean gb5Met(SchoolType type, List<EncounterEvidence> meaningful) {
        if (type != SchoolType.COLLEGE) {
            return !meaningful.isEmpty();
        }
        return meaningful.size() >= COLLEGE_GB5_ENCOUNTERS
                && meaningful.stream().anyMatch(e -> Boolean.TRUE.equals(e.curriculumLinked()));
    }

    /** A learner with no curriculum area recorded is linked by any encounter that names one. */
    static boolean curriculumLinked(String learnerArea, String encounterArea) {
        if (encounterArea == null) {
            return false;
        }
        return learnerArea == null || learnerArea.strip().equalsIgnoreCase(encounterArea.strip());
    }

    /** Meaningful GB6 experiences while the pupil was in Years {@code from}-{@code to}, in any academic year. */
    static Gb6Progress gb6(Pupil pupil, List<Encounter> attended, int from, int to) {
        List<EncounterEvidence> evidence = new ArrayList<>();
        for (Encounter encounter : attended) {
            OptionalInt year = pupil.yearGroupIn(encounter.startYear());
            if (year.isPresent() && year.getAsInt() >= from && year.getAsInt() <= to
                    && encounter.meaningful(Benchmark.GB6)) {
                evidence.add(evidence(encounter, pupil, Benchmark.GB6, null));
            }
        }
        return Gb6Progress.of(evidence);
    }

    /**
     * The guarantee counts activities, not Gatsby's meaningfulness: any GB6-tagged activity in Years 7-9 and any
     * placement in Years 10-11 that took place (withdrawn records never did).
     */
    static WorkExperienceHours hours(Pupil pupil, List<Encounter> attended) {
        BigDecimal ks3 = BigDecimal.ZERO;
        BigDecimal ks3Virtual = BigDecimal.ZERO;
        BigDecimal ks4 = BigDecimal.ZERO;
        List<EncounterEvidence> ks3Encounters = new ArrayList<>();
        List<EncounterEvidence> ks4Encounters = new ArrayList<>();
        for (Encounter encounter : attended) {
            OptionalInt year = pupil.yearGroupIn(encounter.startYear());
            if (year.isEmpty()) {
                continue;
            }
            int y = year.getAsInt();
            if (y >= 7 && y <= 9 && encounter.benchmarks().contains(Benchmark.GB6)) {
                ks3 = ks3.add(encounter.hours());
                if (encounter.mode() == DeliveryMode.VIRTUAL) {
                    ks3Virtual = ks3Virtual.add(encounter.hours());
                }
                ks3Encounters.add(evidence(encounter, pupil, null, null));
            } else if (y >= 10 && y <= 11 && encounter.activityType() != null
                    && encounter.activityType().placement()) {
                ks4 = ks4.add(encounter.hours());
                ks4Encounters.add(evidence(encounter, pupil, null, null));
            }
        }
        return new WorkExperienceHours(hours(ks3), hours(ks3Virtual),
                ks3.compareTo(WorkExperienceHours.WEEK) >= 0, hours(ks4),
                ks4.compareTo(WorkExperienceHours.WEEK) >= 0, ks3Encounters, ks4Encounters);
    }

    /** Two places, so equal sums are equal records whatever scale each encounter's hours were written with. */
    static BigDecimal hours(BigDecimal sum) {
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    static EncounterEvidence evidence(Encounter encounter, Pupil pupil, Benchmark benchmark, Boolean linked) {
        return new EncounterEvidence(encounter.encounterId(), encounter.date(), encounter.academicYear(),
                pupil.yearGroupIn(encounter.startYear()).orElse(0), encounter.activityType(),
                encounter.framework(), encounter.hours(), encounter.mode(), encounter.curriculumArea(), linked,
                encounter.evidence(benchmark));
    }

    /** The academic years a pupil was on this roll in Years 7-13, up to the one containing {@code asOf}. */
    static List<String> yearsOnRoll(Pupil pupil, LocalDate asOf) {
        int first = pupil.byYear().firstKey();
        for (Ledger.Stay stay : pupil.stays()) {
            first = Math.min(first, AcademicYears.startYear(AcademicYears.containing(stay.admission())));
        }
        int last = AcademicYears.startYear(AcademicYears.containing(asOf));
        Ledger.Stay latest = pupil.stays().isEmpty() ? null : pupil.stays().getLast();
        if (latest != null && latest.leaving() != null) {
            last = Math.min(last, AcademicYears.startYear(AcademicYears.containing(latest.leaving())));
        }
        List<String> years = new ArrayList<>();
        for (int start = first; start <= last; start++) {
            String academicYear = AcademicYears.of(start);
            int yearGroup = pupil.yearGroupIn(academicYear).orElseThrow();
            if (yearGroup >= 7 && yearGroup <= 13) {
                years.add(academicYear);
            }
        }
        return years;
    }
}
