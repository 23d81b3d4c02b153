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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;
import uk.encounters.reporting.coverage.Facts.PupilAttributes;
import uk.encounters.reporting.coverage.Ledger.Encounter;
import uk.encounters.reporting.coverage.Ledger.Pupil;
import uk.encounters.reporting.coverage.PupilRules.Standing;

/**
 * Coverage figures from facts, on the two clocks of DOMAIN.md: {@code knownAt} picks the facts (those recorded by
 * then; null for all), {@code asOf} the date described (encounters dated on or before it, pupils on roll on it, the
 * academic year containing it). Pure: the same facts and clocks give equal records.
 */
public final class Coverage {

    static final int FIRST_YEAR_GROUP = 7;
    static final int LAST_YEAR_GROUP = 13;

    private final Ledger ledger;
    private final Instant knownAt;

    private Coverage(Ledger ledger, Instant knownAt) {
        this.ledger = ledger;
        this.knownAt = knownAt;
    }

    /** The record as it stood at {@code knownAt}; null for everything recorded so far. */
    public static Coverage of(Facts facts, Instant knownAt) {
        return new Coverage(new Ledger(facts, knownAt), knownAt);
    }

    /**
     * The date a report on {@code academicYear} describes when asked on {@code asOf}: a finished year is described as
     * it ended (31 August), because its figures are the year's outcome; a year not begun has nothing to describe.
     * Every figure here is for the academic year containing the date this returns.
     */
    public static LocalDate reportDate(String academicYear, LocalDate asOf) {
        if (academicYear == null) {
            return asOf;
        }
        if (asOf.isBefore(AcademicYears.firstDay(academicYear))) {
            throw new IllegalArgumentException("The academic year " + academicYear + " had not begun on " + asOf
                    + "; ask for a date from " + AcademicYears.firstDay(academicYear) + ".");
        }
        LocalDate lastDay = AcademicYears.lastDay(academicYear);
        return asOf.isAfter(lastDay) ? lastDay : asOf;
    }

    /** Empty when no roll event about the pupil is known. */
    public Optional<PupilCoverage> pupil(String pupilId, LocalDate asOf) {
        return ledger.pupil(pupilId).map(pupil -> {
            SchoolType type = ledger.typeOf(pupil.schoolId());
            List<Encounter> attended = PupilRules.counting(ledger, pupil, asOf);
            List<PupilYear> years = new ArrayList<>();
            for (String academicYear : PupilRules.yearsOnRoll(pupil, asOf)) {
                PupilAttributes attributes = pupil.attributesIn(academicYear).orElseThrow();
                List<EncounterEvidence> gb5 = PupilRules.gb5Encounters(pupil, attended,
                        Ledger.startYear(academicYear), type, attributes);
                years.add(new PupilYear(academicYear, pupil.yearGroupIn(academicYear).orElseThrow(),
                        FrameworkVersion.forAcademicYear(academicYear), PupilRules.gb5Met(type, gb5), gb5));
            }
            return new PupilCoverage(pupilId, pupil.schoolId(), type, asOf, knownAt, years,
                    type == SchoolType.COLLEGE ? null : PupilRules.gb6(pupil, attended, 7, 11),
                    PupilRules.gb6(pupil, attended, 12, 13), PupilRules.hours(pupil, attended));
        });
    }

    /** Empty when the school's registration is not known. */
    public Optional<SchoolCoverage> school(String schoolId, LocalDate asOf) {
        return ledger.school(schoolId).map(school -> schoolCoverage(school, asOf));
    }

    public HubCoverage hub(String hubId, LocalDate asOf) {
        return hub(hubId, asOf, knownAt, ledger.schoolsOfHub(hubId).stream()
                .map(school -> schoolCoverage(school, asOf).summary())
                .toList());
    }

    /**
     * A hub's report from its schools' lines, each computed on its own (a school's figures depend on nothing of the
     * other schools, which is what lets them be cached one school at a time).
     *
     * @param schools the lines of the schools in the hub at {@code knownAt}, in any order
     */
    public static HubCoverage hub(String hubId, LocalDate asOf, Instant knownAt, List<SchoolSummary> schools) {
        List<SchoolSummary> sorted = schools.stream().sorted(Comparator.comparing(SchoolSummary::schoolId)).toList();
        HubCoverage.Share gb5 = share(sorted, SchoolSummary::gb5FullyAchieved);
        HubCoverage.Share gb6 = share(sorted, SchoolSummary::gb6FullyAchieved);
        return new HubCoverage(hubId, AcademicYears.containing(asOf), asOf, knownAt, sorted, gb5.percent(),
                gb6.percent(), gb5, gb6);
    }

    /**
     * The encounters the school recorded, dated in the academic year, that stand (not withdrawn), each with its
     * employer's sector and size and the size of its latest register, for {@link EmployerEngagement}.
     */
    public List<EmployerEngagement.Counted> engagement(String schoolId, String academicYear) {
        return ledger.encountersOf(schoolId).stream()
                .filter(e -> !e.withdrawn() && e.academicYear().equals(academicYear))
                .map(e -> new EmployerEngagement.Counted(e.sector(), e.employerSize(), e.attendees().size()))
                .toList();
    }

    /** The hub the school was in at {@code knownAt}; empty when its registration is not known. */
    public Optional<String> hubOf(String schoolId) {
        return ledger.school(schoolId).map(Ledger.School::hubId);
    }

    /**
     * The pupils behind a school's met figure and the encounters that met it. {@code yearGroup} narrows to one year
     * group; null means the headline figure's pupils (Years 7-13 for GB5, Year 11 for by 16, Year 13 for by 18).
     */
    public List<PupilEvidence> evidence(String schoolId, Measure measure, Integer yearGroup, LocalDate asOf) {
        Predicate<Standing> inFigure = yearGroup != null ? s -> s.yearGroup() == yearGroup
                : switch (measure) {
                    case GB5 -> s -> true;
                    case GB6_BY_16 -> s -> s.yearGroup() == 11;
                    case GB6_BY_18 -> s -> s.yearGroup() == 13;
                };
        return standings(schoolId, asOf).stream()
                .filter(inFigure)
                .filter(s -> s.met(measure))
                .map(s -> new PupilEvidence(s.pupil().pupilId(), s.yearGroup(), s.evidence(measure)))
                .toList();
    }

    public Optional<EncounterChecklist> checklist(String encounterId) {
        return ledger.encounter(encounterId).map(e -> {
            Map<Benchmark, EncounterChecklist.Result> results = new EnumMap<>(Benchmark.class);
            e.judgements().forEach((benchmark, j) -> {
                EvidenceEvent override = j.overrideEvent();
                results.put(benchmark, new EncounterChecklist.Result(j.checklistMet(), j.overridden(),
                        j.overrideReason(), override == null ? null : override.eventId(),
                        override == null ? null : override.recordedBy(), e.meaningful(benchmark)));
            });
            return new EncounterChecklist(e.encounterId(), e.schoolId(), e.academicYear(), e.framework(),
                    e.checklist(), results, e.withdrawn(), e.events());
        });
    }

    private List<Standing> standings(String schoolId, LocalDate asOf) {
        String academicYear = AcademicYears.containing(asOf);
        int startYear = Ledger.startYear(academicYear);
        List<Standing> standings = new ArrayList<>();
        for (Pupil pupil : ledger.pupilsOf(schoolId)) {
            int yearGroup = pupil.yearGroupIn(startYear).orElseThrow();
            if (pupil.onRoll(asOf) && yearGroup >= FIRST_YEAR_GROUP && yearGroup <= LAST_YEAR_GROUP) {
                standings.add(PupilRules.standing(ledger, pupil, startYear, asOf));
            }
        }
        return standings;
    }

    private SchoolCoverage schoolCoverage(Ledger.School school, LocalDate asOf) {
        boolean college = school.type() == SchoolType.COLLEGE;
        List<Standing> standings = standings(school.schoolId(), asOf);
        List<YearGroupCoverage> yearGroups = new ArrayList<>();
        for (int year = FIRST_YEAR_GROUP; year <= LAST_YEAR_GROUP; year++) {
            int y = year;
            List<Standing> group = standings.stream().filter(s -> s.yearGroup() == y).toList();
            yearGroups.add(new YearGroupCoverage(year, figure(group, Measure.GB5),
                    !college && year <= 11 ? figure(group, Measure.GB6_BY_16) : null,
                    year >= 12 ? figure(group, Measure.GB6_BY_18) : null,
                    year <= 11 ? hours(group, year <= 9) : null));
        }
        Figure gb5 = figure(standings, Measure.GB5);
        Figure by16 = college ? null : yearGroups.get(11 - FIRST_YEAR_GROUP).gb6By16();
        Figure by18 = yearGroups.get(13 - FIRST_YEAR_GROUP).gb6By18();
        return new SchoolCoverage(school.schoolId(), school.type(), AcademicYears.containing(asOf), asOf, knownAt,
                FrameworkVersion.forAcademicYear(AcademicYears.containing(asOf)), gb5, by16, by18,
                gb5.fullyAchieved(), gb6FullyAchieved(by16, by18), yearGroups, breakdowns(standings, college),
                atRisk(standings, college));
    }

    /** Every applicable GB6 measure fully met; not applicable (null) when neither has pupils on roll. */
    static Boolean gb6FullyAchieved(Figure by16, Figure by18) {
        List<Figure> applicable = new ArrayList<>();
        for (Figure figure : new Figure[] {by16, by18}) {
            if (figure != null && figure.applicable()) {
                applicable.add(figure);
            }
        }
        return applicable.isEmpty() ? null : applicable.stream().allMatch(f -> f.fullyAchieved());
    }

    private static Figure figure(List<Standing> pupils, Measure measure) {
        return Figure.of(pupils.size(), (int) pupils.stream().filter(s -> s.met(measure)).count());
    }

    private static HoursFigure hours(List<Standing> pupils, boolean keyStage3) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal virtual = BigDecimal.ZERO.setScale(2);
        int reached = 0;
        for (Standing s : pupils) {
            WorkExperienceHours h = s.hours();
            total = total.add(keyStage3 ? h.keyStage3() : h.keyStage4());
            if (keyStage3) {
                virtual = virtual.add(h.keyStage3Virtual());
            }
            if (keyStage3 ? h.keyStage3WeekReached() : h.keyStage4WeekReached()) {
                reached++;
            }
        }
        return new HoursFigure(keyStage3 ? "KS3" : "KS4", pupils.size(), total, keyStage3 ? virtual : null,
                reached, Figure.percent(reached, pupils.size()));
    }

    private static Breakdowns breakdowns(List<Standing> standings, boolean college) {
        return new Breakdowns(
                groups(standings, Sen.values(), s -> Objects.requireNonNullElse(s.attributes().sen(), Sen.NONE),
                        college),
                groups(standings, new Boolean[] {true, false}, s -> s.attributes().pupilPremium(), college),
                groups(standings, Gender.values(),
                        s -> Objects.requireNonNullElse(s.attributes().gender(), Gender.NOT_RECORDED), college));
    }

    private static <K> Map<K, GroupCoverage> groups(List<Standing> standings, K[] keys, Function<Standing, K> key,
                                                    boolean college) {
        Map<K, GroupCoverage> groups = new HashMap<>();
        for (K k : keys) {
            List<Standing> group = standings.stream().filter(s -> k.equals(key.apply(s))).toList();
            groups.put(k, new GroupCoverage(figure(group, Measure.GB5),
                    college ? null : figure(inYear(group, 11), Measure.GB6_BY_16),
                    figure(inYear(group, 13), Measure.GB6_BY_18)));
        }
        return groups;
    }

    private static List<Standing> inYear(List<Standing> standings, int yearGroup) {
        return standings.stream().filter(s -> s.yearGroup() == yearGroup).toList();
    }

    private static Map<Measure, List<AtRiskPupil>> atRisk(List<Standing> standings, boolean college) {
        Map<Measure, List<AtRiskPupil>> atRisk = new EnumMap<>(Measure.class);
        atRisk.put(Measure.GB5, notMet(standings, Measure.GB5));
        atRisk.put(Measure.GB6_BY_16, college ? List.of() : notMet(inYear(standings, 11), Measure.GB6_BY_16));
        atRisk.put(Measure.GB6_BY_18, notMet(inYear(standings, 13), Measure.GB6_BY_18));
        return atRisk;
    }

    private static List<AtRiskPupil> notMet(List<Standing> standings, Measure measure) {
        return standings.stream()
                .filter(s -> !s.met(measure))
                .map(s -> new AtRiskPupil(s.pupil().pupilId(), s.yearGroup()))
                .sorted(Comparator.comparingInt(AtRiskPupil::yearGroup).thenComparing(AtRiskPupil::pupilId))
                .toList();
    }

    private static HubCoverage.Share share(List<SchoolSummary> schools, Function<SchoolSummary, Boolean> achieved) {
        int applicable = 0;
        int achieving = 0;
        for (SchoolSummary school : schools) {
            Boolean result = achieved.apply(school);
            if (result != null) {
                applicable++;
                achieving += result ? 1 : 0;
            }
        }
        return new HubCoverage.Share(applicable, achieving, Figure.percent(achieving, applicable));
    }
}
