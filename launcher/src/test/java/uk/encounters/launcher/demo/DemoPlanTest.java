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
        assertThat(mainstream).hasSize(18).allSatisfy(s -> assertThat(s.pupils().size()).isBetween(600, 1500));
        assertThat(mainstream).anyMatch(s -> s.yearGroups().equals(List.of(7, 8, 9, 10, 11)))
                .anyMatch(s -> s.yearGroups().equals(List.of(7, 8, 9, 10, 11, 12, 13)));
        double median = mainstream.stream().mapToInt(s -> s.pupils().size()).sorted().skip(9).findFirst().orElseThrow();
        assertThat(median).as("most schools nearer the smaller end").isLessThan(1050);
        SchoolPlan special = ofType(SchoolType.SPECIAL_SCHOOL).getFirst();
        assertThat(special.pupils().size()).isBetween(100, 200);
        assertThat(share(special.pupils(), p -> p.sen().equals("E"))).isGreaterThan(0.7);
        SchoolPlan college = ofType(SchoolType.COLLEGE).getFirst();
        assertThat(college.yearGroups()).containsExactly(12, 13);
        assertThat(college.pupils()).allMatch(p -> p.yearGroup() >= 12);
        assertThat(share(college.pupils(), p -> p.curriculumArea() != null)).isGreaterThan(0.9);
        assertThat(college.rollCsv().lines().findFirst().orElseThrow()).endsWith(",CurriculumArea");
        assertThat(college.rollCsv().lines().count()).isEqualTo(college.pupils().size() + 1);
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
                // A Year 7 pupil in 2026/27 turned 11 between 1 September 2025 and 31 August 2026.
                assertThat(Period.between(p.dateOfBirth(), LocalDate.of(START, 8, 31)).getYears())
                        .as(p.upn()).isEqualTo(p.yearGroup() + 4);
                assertThat(school.yearGroups()).contains(p.yearGroup());
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
        List<PupilPlan> mainstream = ofType(SchoolType.SCHOOL).stream().flatMap(s -> s.pupils().stream()).toList();
        assertThat(share(mainstream, p -> p.sen().equals("K"))).isBetween(0.11, 0.15);
        assertThat(share(mainstream, p -> p.sen().equals("E"))).isBetween(0.02, 0.04);
        assertThat(share(mainstream, PupilPlan::pupilPremium)).isBetween(0.2, 0.3);
        assertThat(share(mainstream, p -> p.gender().equals("F"))).isBetween(0.46, 0.52);
        assertThat(share(mainstream, p -> !p.admissionDate().getMonth().equals(java.time.Month.SEPTEMBER)))
                .as("mid-year joiners").isBetween(0.02, 0.06);
        assertThat(share(mainstream, p -> p.leavingDate() != null)).as("leavers").isBetween(0.005, 0.02);
        assertThat(mainstream.stream().map(p -> p.forename() + " " + p.surname()).distinct().count())
                .as("varied names").isGreaterThan(3_000);
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
        assertThat(plan.encounters()).hasSizeBetween(800, 3_000)
                .anyMatch(e -> e.attendeeUpns().size() > 500);
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
        LocalDate endOfLastYear = LocalDate.of(START, 7, 20);
        double gb6Sum = 0;
        double gb5Sum = 0;
        for (SchoolPlan school : ofType(SchoolType.SCHOOL)) {
            double gb5 = PlannedCoverage.gb5(plan, school, endOfLastYear);
            assertThat(gb5).as("GB5 2025/26 at " + school.name()).isBetween(0.55, 0.92);
            assertThat(PlannedCoverage.gb5(plan, school, TODAY)).as("GB5 so far this year").isBetween(0.15, gb5);
            double gb6 = PlannedCoverage.gb6(plan, school, 11, TODAY);
            assertThat(gb6).as("GB6 by 16 at " + school.name()).isBetween(0.2, 0.85);
            gb5Sum += gb5;
            gb6Sum += gb6;
        }
        assertThat(gb6Sum).as("GB6 lower than GB5").isLessThan(gb5Sum);
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
