package uk.encounters.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.contracts.school.SchoolType;

/** The full-size plan (no services needed): shapes, proportions, consistency and determinism. */
class DemoPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final int START = 2026;
    static DemoPlan plan;

    @BeforeAll
    static void generate() {
        plan = DemoPlan.generate(1, DemoSize.full(), TODAY, "demo");
    }

    @Test
    void theSameSeedAndDayGiveTheSameHubAndAnotherSeedAnother() {
        assertThat(DemoPlan.generate(1, DemoSize.full(), TODAY, "demo")).isEqualTo(plan);
        DemoPlan other = DemoPlan.generate(2, DemoSize.full(), TODAY, "demo");
        assertThat(other.schools().getFirst().pupils()).isNotEqualTo(plan.schools().getFirst().pupils());
        assertThat(other.encounters()).isNotEqualTo(plan.encounters());
    }

    @Test
    void twentyInstitutionsOfRealisticSizesWithASpecialSchoolAndACollege() {
        assertThat(plan.schools()).hasSize(20);
        assertThat(plan.pupilCount()).isBetween(13_500, 16_500);
        List<SchoolPlan> mainstream = ofType(SchoolType.SCHOOL);
        assertThat(mainstream).hasSize(18)
                .allSatisfy(s -> assertThat(s.currentRoll().size()).isBetween(560, 1600));
        assertThat(mainstream).anyMatch(s -> s.yearGroups().equals(List.of(7, 8, 9, 10, 11)))
                .anyMatch(s -> s.yearGroups().equals(List.of(7, 8, 9, 10, 11, 12, 13)));
        double median = mainstream.stream().mapToInt(s -> s.currentRoll().size()).sorted().skip(9).findFirst()
                .orElseThrow();
        assertThat(median).as("most schools nearer the smaller end").isLessThan(1050);
        SchoolPlan special = ofType(SchoolType.SPECIAL_SCHOOL).getFirst();
        assertThat(special.currentRoll().size()).isBetween(100, 200);
        assertThat(share(special.currentRoll(), p -> p.sen().equals("E"))).isGreaterThan(0.7);
        SchoolPlan college = ofType(SchoolType.COLLEGE).getFirst();
        assertThat(college.yearGroups()).containsExactly(12, 13);
        assertThat(college.currentRoll()).allMatch(p -> p.yearGroup() >= 12);
        assertThat(share(college.currentRoll(), p -> p.curriculumArea() != null)).isGreaterThan(0.9);
        assertThat(college.rollCsv(START).lines().findFirst().orElseThrow()).endsWith(",CurriculumArea");
        assertThat(college.rollCsv(START).lines().count()).isEqualTo(college.currentRoll().size() + 1);
        assertThat(plan.schools().stream().map(SchoolPlan::urn).collect(Collectors.toSet())).hasSize(20)
                .allMatch(urn -> urn.matches("[1-9][0-9]{5}"));
    }

    @Test
    void pupilsHaveValidUniqueUpnsAndDatesThatFitTheirYearGroup() {
        Set<String> upns = new HashSet<>();
        for (SchoolPlan school : plan.schools()) {
            for (PupilPlan p : school.pupils()) {
                assertThat(Upns.isValid(p.upn())).as(p.upn()).isTrue();
                assertThat(upns.add(p.upn())).as("unique " + p.upn()).isTrue();
                // A Year 7 pupil in 2026/27 turned 11 between 1 September 2025 and 31 August 2026; those who have
                // left are counted on ("Year 14" for last summer's Year 13 leavers).
                assertThat(Period.between(p.dateOfBirth(), LocalDate.of(START, 8, 31)).getYears())
                        .as(p.upn()).isEqualTo(p.yearGroup() + 4);
                for (int year : plan.rollYears()) {
                    if (p.onRollIn(year)) {
                        assertThat(school.yearGroups()).contains(school.yearGroupIn(p, year));
                    }
                }
                assertThat(p.admissionDate()).isAfter(p.dateOfBirth().plusYears(10)).isBeforeOrEqualTo(TODAY);
                assertThat(p.admissionDate().getYear()).isGreaterThanOrEqualTo(START - (p.yearGroup() - 7));
                if (p.leavingDate() != null) {
                    assertThat(p.leavingDate()).isAfter(p.admissionDate()).isBefore(TODAY);
                }
            }
        }
    }

    @Test
    void proportionsMatchEnglishSecondaries() {
        List<PupilPlan> mainstream = ofType(SchoolType.SCHOOL).stream().flatMap(s -> s.currentRoll().stream())
                .toList();
        assertThat(share(mainstream, p -> p.sen().equals("K"))).isBetween(0.11, 0.15);
        assertThat(share(mainstream, p -> p.sen().equals("E"))).isBetween(0.02, 0.04);
        assertThat(share(mainstream, PupilPlan::pupilPremium)).isBetween(0.2, 0.3);
        assertThat(share(mainstream, p -> p.gender().equals("F"))).isBetween(0.46, 0.52);
        assertThat(share(mainstream, p -> !p.admissionDate().getMonth().equals(java.time.Month.SEPTEMBER)))
                .as("joined mid-year").isBetween(0.03, 0.09);
        assertThat(share(mainstream, p -> p.leavingDate() != null)).as("leavers this year").isBetween(0.005, 0.02);
        assertThat(mainstream.stream().map(p -> p.forename() + " " + p.surname()).distinct().count())
                .as("varied names").isGreaterThan(3_000);
    }

    /**
     * Three years of rolls, each year's following from the one before: Year 11 leaves 11-16 schools on 31 August,
     * most of it stays into Year 12 at 11-18 schools, Year 13 leaves, a new Year 7 arrives every September, the
     * college's one-year learners leave after Year 12, and a few pupils join and leave during each year.
     */
    @Test
    void threeYearsOfRollsFollowEachCohortFromYearToYear() {
        assertThat(plan.rollYears()).containsExactly(START - 2, START - 1, START);
        for (SchoolPlan school : plan.schools()) {
            for (int year : plan.rollYears()) {
                Set<Integer> taught = school.roll(year).stream().map(p -> school.yearGroupIn(p, year))
                        .collect(Collectors.toSet());
                assertThat(taught).as(school.name() + " in " + year).containsExactlyInAnyOrderElementsOf(
                        school.yearGroups());
                String csv = school.rollCsv(year);
                assertThat(csv.lines().count()).isEqualTo(school.roll(year).size() + 1);
                LocalDate lastDay = LocalDate.of(year + 1, 8, 31);
                assertThat(csv.lines().skip(1).map(line -> line.split(",", -1)[9]).filter(d -> !d.isEmpty())
                        .map(LocalDate::parse)).as("leaving dates of " + year).allMatch(d -> !d.isAfter(lastDay));
            }
            for (int year : List.of(START - 2, START - 1)) {
                LocalDate endOfYear = LocalDate.of(year + 1, 8, 31);
                List<PupilPlan> finalYear = school.roll(year).stream().filter(p -> p.onRoll(endOfYear)
                        && school.yearGroupIn(p, year) == school.yearGroups().getLast()).toList();
                assertThat(finalYear).as("the final year group leaves").isNotEmpty()
                        .allMatch(p -> endOfYear.equals(p.leavingDate()));
                if (school.type() == SchoolType.SCHOOL && school.yearGroups().contains(12)) {
                    List<PupilPlan> year11 = school.roll(year).stream().filter(p -> p.onRoll(endOfYear)
                            && school.yearGroupIn(p, year) == 11).toList();
                    assertThat(share(year11, p -> p.leavingDate() == null || p.leavingDate().isAfter(endOfYear)))
                            .as("Year 11 staying into the sixth form at " + school.name()).isBetween(0.45, 0.8);
                }
                if (!school.isCollege()) {
                    LocalDate september = SchoolCalendar.firstSchoolDayFrom(LocalDate.of(year + 1, 9, 1));
                    List<PupilPlan> year7 = school.roll(year + 1).stream()
                            .filter(p -> school.yearGroupIn(p, year + 1) == 7).toList();
                    assertThat(year7).as("a new Year 7").hasSizeGreaterThan(10);
                    assertThat(share(year7, p -> p.admissionDate().equals(september))).isGreaterThan(0.85);
                }
            }
        }
        SchoolPlan college = ofType(SchoolType.COLLEGE).getFirst();
        LocalDate summer = LocalDate.of(START, 8, 31);
        List<PupilPlan> firstYears = college.roll(START - 1).stream()
                .filter(p -> college.yearGroupIn(p, START - 1) == 12 && p.onRoll(summer)).toList();
        assertThat(share(firstYears, p -> summer.equals(p.leavingDate()))).as("one-year programmes")
                .isBetween(0.1, 0.3);
        for (int year : List.of(START - 2, START - 1)) {
            LocalDate first = LocalDate.of(year, 9, 1);
            LocalDate last = LocalDate.of(year + 1, 8, 30);
            List<PupilPlan> roll = plan.schools().stream().flatMap(s -> s.roll(year).stream()).toList();
            assertThat(share(roll, p -> p.admissionDate().isAfter(first.plusDays(14)))).as("joined during " + year)
                    .isBetween(0.005, 0.04);
            assertThat(share(roll, p -> p.leavingDate() != null && p.leavingDate().isAfter(first)
                    && p.leavingDate().isBefore(last))).as("left during " + year).isBetween(0.005, 0.03);
        }
    }

    @Test
    void employersOfEverySizeAcrossSectorsWithTeesValleyPostcodes() {
        assertThat(plan.employers()).hasSize(120)
                .allMatch(e -> e.postcode().matches("TS[1-9][0-9]? [0-9][A-Z]{2}"));
        assertThat(plan.employers().stream().map(EmployerPlan::size).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EmployerSize.values());
        assertThat(plan.employers().stream().map(EmployerPlan::sector).distinct().count()).isGreaterThanOrEqualTo(10);
        assertThat(plan.employers().stream().map(EmployerPlan::name).distinct().count()).isEqualTo(120);
    }

    @Test
    void encountersAreOnSchoolDaysWithPupilsOnRollAndChecklistsOfTheirFramework() {
        Map<String, SchoolPlan> schools = new HashMap<>();
        plan.schools().forEach(s -> schools.put(s.schoolId(), s));
        Set<String> employers = plan.employers().stream().map(EmployerPlan::employerId).collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        for (EncounterPlan e : plan.encounters()) {
            SchoolPlan school = schools.get(e.schoolId());
            Map<String, PupilPlan> roll = school.pupils().stream()
                    .collect(Collectors.toMap(PupilPlan::upn, p -> p));
            assertThat(ids.add(e.encounterId())).isTrue();
            assertThat(employers).contains(e.employerId());
            assertThat(e.date()).isBeforeOrEqualTo(TODAY).isAfter(LocalDate.of(START - 2, 8, 31));
            assertThat(SchoolCalendar.isSchoolDay(e.date())).as(e.encounterId()).isTrue();
            assertThat(e.hours()).isBetween(new BigDecimal("0.25"), new BigDecimal("40"));
            assertThat(e.attendeeUpns()).isNotEmpty().hasSizeLessThanOrEqualTo(2_000).doesNotHaveDuplicates();
            for (String upn : e.finalAttendees()) {
                PupilPlan pupil = roll.get(upn);
                assertThat(pupil).as(upn + " at " + school.name()).isNotNull();
                assertThat(pupil.onRoll(e.date())).as(upn + " on roll on " + e.date()).isTrue();
                assertThat(school.yearGroups()).contains(pupil.yearGroupIn(
                        SchoolCalendar.academicYearStart(e.date()), START));
            }
            Set<String> allowed = Checklists.items(List.of(Benchmark.values()), e.framework()).stream()
                    .map(ChecklistItem::name).collect(Collectors.toSet());
            assertThat(allowed).containsAll(e.checklist().keySet());
            if (school.isCollege()) {
                assertThat(e.curriculumArea()).isNotNull();
            }
        }
        assertThat(plan.encounters()).extracting(EncounterPlan::framework)
                .contains(FrameworkVersion.V2014, FrameworkVersion.V2024);
        assertThat(plan.encounters()).extracting(EncounterPlan::academicYear)
                .contains("2024/25", "2025/26", "2026/27");
        assertThat(plan.encounters()).hasSizeBetween(800, 3_500)
                .anyMatch(e -> e.attendeeUpns().size() > 500);
        Set<String> lastSummersLeavers = plan.schools().stream().flatMap(s -> s.pupils().stream())
                .filter(p -> LocalDate.of(START, 8, 31).equals(p.leavingDate())).map(PupilPlan::upn)
                .collect(Collectors.toSet());
        assertThat(plan.encounters()).as("last year's encounters name last summer's leavers")
                .anyMatch(e -> e.academicYear().equals("2025/26") && e.finalAttendees().stream()
                        .anyMatch(lastSummersLeavers::contains));
    }

    @Test
    void checklistsAreMostlyCompleteWithAFewCorrectionsOverridesAndWithdrawals() {
        List<EncounterPlan> all = plan.encounters();
        double failing = share(all, e -> e.benchmarks().stream()
                .anyMatch(b -> !Checklists.meaningful(e.checklist(), b, e.framework())));
        assertThat(failing).isBetween(0.08, 0.35);
        assertThat(share(all, e -> e.correction() != null)).isBetween(0.01, 0.08);
        assertThat(all).anyMatch(e -> e.override() != null && e.override().meaningful())
                .anyMatch(e -> e.override() != null && !e.override().meaningful());
        assertThat(all.stream().filter(e -> e.withdrawalReason() != null).count()).isBetween(1L, 30L);
    }

    @Test
    void coverageIsPlausibleNeitherNoneNorAll() {
        LocalDate census = LocalDate.of(START, 7, 31);
        double gb6Sum = 0;
        double gb5Sum = 0;
        for (SchoolPlan school : ofType(SchoolType.SCHOOL)) {
            double gb5 = PlannedCoverage.gb5(plan, school, census);
            if (!PlannedCoverage.fullyAchievesGb5(plan, school, census)) {
                assertThat(gb5).as("GB5 2025/26 at " + school.name()).isBetween(0.55, 0.97);
            }
            assertThat(PlannedCoverage.gb5(plan, school, TODAY)).as("GB5 so far this year").isBetween(0.15, 0.7);
            double gb6 = PlannedCoverage.gb6(plan, school, 11, TODAY);
            assertThat(gb6).as("GB6 by 16 at " + school.name()).isBetween(0.2, 0.85);
            assertThat(PlannedCoverage.gb6(plan, school, 11, census)).as("last year's Year 11 at " + school.name())
                    .isBetween(0.15, 1.0);
            if (school.yearGroups().contains(13)) {
                assertThat(PlannedCoverage.gb6(plan, school, 13, census)).as("last year's Year 13")
                        .isBetween(0.15, 1.0);
            }
            gb5Sum += gb5;
            gb6Sum += gb6;
        }
        assertThat(gb6Sum).as("GB6 lower than GB5").isLessThan(gb5Sum);
    }

    /**
     * At the census dates of the last two academic years, a minority of schools fully achieves each benchmark (the
     * hub's shares lie strictly between none and all), and not the same schools every year.
     */
    @Test
    void someSchoolsFullyAchieveEachBenchmarkInPastYears() {
        Map<String, Set<String>> achievers = new HashMap<>();
        for (LocalDate census : List.of(LocalDate.of(START - 1, 7, 31), LocalDate.of(START, 7, 31))) {
            Set<String> gb5 = plan.schools().stream().filter(s -> PlannedCoverage.fullyAchievesGb5(plan, s, census))
                    .map(SchoolPlan::schoolId).collect(Collectors.toSet());
            Set<String> gb6 = plan.schools().stream().filter(s -> PlannedCoverage.fullyAchievesGb6(plan, s, census))
                    .map(SchoolPlan::schoolId).collect(Collectors.toSet());
            assertThat(gb5.size()).as("schools fully achieving GB5 on " + census).isBetween(4, 10);
            assertThat(gb6.size()).as("schools fully achieving GB6 on " + census).isBetween(3, 9);
            achievers.put("GB5 " + census.getYear(), gb5);
            achievers.put("GB6 " + census.getYear(), gb6);
        }
        assertThat(achievers.get("GB5 " + START)).isNotEqualTo(achievers.get("GB5 " + (START - 1)));
        assertThat(plan.schools()).noneMatch(s -> PlannedCoverage.fullyAchievesGb5(plan, s, TODAY));
    }

    @Test
    void shoutOutsShowEveryOutcomeAndLieAhead() {
        Set<String> fates = new HashSet<>();
        for (ShoutOutPlan s : plan.shoutOuts()) {
            assertThat(s.endDate()).isAfterOrEqualTo(s.startDate()).isAfterOrEqualTo(TODAY);
            assertThat(s.offers()).extracting(ShoutOutPlan.OfferPlan::employerId).doesNotHaveDuplicates();
            assertThat(s.offers()).allMatch(o -> !o.proposedDate().isBefore(s.startDate())
                    && !o.proposedDate().isAfter(s.endDate()));
            SchoolPlan school = plan.schools().stream().filter(x -> x.schoolId().equals(s.schoolId())).findFirst()
                    .orElseThrow();
            assertThat(school.yearGroups()).containsAll(s.yearGroups());
            fates.add(s.offers().isEmpty() ? "unmet" : s.withdrawalReason() != null ? "withdrawn"
                    : s.deliveredToday() != null ? "today" : s.offers().stream()
                    .map(o -> o.answer().name()).sorted().collect(Collectors.joining(",")));
        }
        assertThat(fates).contains("unmet", "withdrawn", "today", "DECLINE", "NONE", "ACCEPT");
        assertThat(share(plan.shoutOuts(), s -> s.offers().isEmpty())).isBetween(0.15, 0.5);
        assertThat(plan.ownActivities()).hasSize(20).anyMatch(a -> a.recordedToday() != null)
                .allMatch(a -> !a.date().isBefore(TODAY));
    }

    private static List<SchoolPlan> ofType(SchoolType type) {
        return plan.schools().stream().filter(s -> s.type() == type).toList();
    }

    private static <T> double share(List<T> items, Predicate<T> test) {
        return (double) items.stream().filter(test).count() / items.size();
    }
}
