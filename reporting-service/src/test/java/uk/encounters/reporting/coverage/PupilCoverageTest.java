package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static uk.encounters.reporting.coverage.History.checklist;
import static uk.encounters.reporting.coverage.History.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/** DOMAIN.md's per-pupil rules, one clause per test, through {@link Coverage#pupil}. */
class PupilCoverageTest {

    private static final LocalDate SEP_2024 = LocalDate.of(2024, 9, 1);
    private static final LocalDate LAST_DAY_2014_FRAMEWORK = LocalDate.of(2025, 8, 31);
    private static final LocalDate FIRST_DAY_2024_FRAMEWORK = LocalDate.of(2025, 9, 1);

    private final History history = new History().school("s1", SchoolType.SCHOOL, "h1");

    private PupilCoverage pupil(String pupilId, LocalDate asOf) {
        return history.coverage().pupil(pupilId, asOf).orElseThrow();
    }

    private static PupilYear year(PupilCoverage coverage, String academicYear) {
        return coverage.years().stream().filter(y -> y.academicYear().equals(academicYear)).findFirst()
                .orElseThrow();
    }

    private static List<String> ids(List<EncounterEvidence> evidence) {
        return evidence.stream().map(EncounterEvidence::encounterId).toList();
    }

    private History gb5(String encounterId, LocalDate date, Map<String, Boolean> checklist,
                        String... pupils) {
        return history.record(encounterId, "s1", ActivityType.CAREERS_TALK, Set.of(Benchmark.GB5), date, "1",
                DeliveryMode.IN_PERSON, null, checklist, pupils);
    }

    // frameworks

    @Test
    void anEncounterIn2024_25IsJudgedByThe2014ListUpToItsLastDay() {
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024);
        gb5("e1", LAST_DAY_2014_FRAMEWORK, required(Benchmark.GB5, FrameworkVersion.V2014), "p1");

        PupilYear year = year(pupil("p1", LAST_DAY_2014_FRAMEWORK), "2024/25");

        assertThat(year.framework()).isEqualTo(FrameworkVersion.V2014);
        assertThat(year.gb5Met()).isTrue();
        assertThat(year.gb5Encounters()).singleElement()
                .satisfies(e -> assertThat(e.framework()).isEqualTo(FrameworkVersion.V2014));
    }

    @Test
    void theSame2014ChecklistOn1September2025FailsThe2024List() {
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024);
        gb5("e1", FIRST_DAY_2024_FRAMEWORK, required(Benchmark.GB5, FrameworkVersion.V2014), "p1");

        PupilYear year = year(pupil("p1", FIRST_DAY_2024_FRAMEWORK), "2025/26");

        assertThat(year.framework()).isEqualTo(FrameworkVersion.V2024);
        assertThat(year.yearGroup()).isEqualTo(10);
        assertThat(year.gb5Met()).isFalse();
    }

    @Test
    void anEncounterIn2025_26IsJudgedByThe2024ListFromItsFirstDay() {
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024);
        gb5("e1", FIRST_DAY_2024_FRAMEWORK, required(Benchmark.GB5, FrameworkVersion.V2024), "p1");
        gb5("e2", LAST_DAY_2014_FRAMEWORK, required(Benchmark.GB5, FrameworkVersion.V2024), "p1");

        PupilCoverage coverage = pupil("p1", FIRST_DAY_2024_FRAMEWORK);

        assertThat(year(coverage, "2025/26").gb5Met()).isTrue();
        // The 2024 list lacks the 2014 list's ACTIVE_PARTICIPATION, so the day before it is not meaningful.
        assertThat(year(coverage, "2024/25").gb5Met()).isFalse();
    }

    @Test
    void gb6IsJudgedByTheFrameworkOfTheExperiencesYear() {
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024);
        // 2014's GB6 list has neither PURPOSE_SHARED nor REFLECTION; 2024's needs both.
        history.record("v1", "s1", ActivityType.WORKPLACE_VISIT, Set.of(Benchmark.GB6), LAST_DAY_2014_FRAMEWORK,
                "3", DeliveryMode.IN_PERSON, null, required(Benchmark.GB6, FrameworkVersion.V2014), "p1");
        history.record("v2", "s1", ActivityType.WORKPLACE_VISIT, Set.of(Benchmark.GB6), FIRST_DAY_2024_FRAMEWORK,
                "3", DeliveryMode.IN_PERSON, null, required(Benchmark.GB6, FrameworkVersion.V2014), "p1");

        Gb6Progress by16 = pupil("p1", LocalDate.of(2026, 1, 1)).gb6By16();

        assertThat(ids(by16.encounters())).containsExactly("v1");
    }

    @Test
    void aMissingChecklistItemMakesTheEncounterNotMeaningful() {
        history.enrol("p1", "s1", "2025/26", 9, FIRST_DAY_2024_FRAMEWORK);
        gb5("e1", LocalDate.of(2025, 10, 1), checklist(ChecklistItem.PURPOSE_SHARED, ChecklistItem.LEARNING_OUTCOMES,
                ChecklistItem.TWO_WAY_INTERACTION), "p1");

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isFalse();
    }

    // GB5, schools

    @Test
    void aSchoolPupilMeetsGb5WithOneMeaningfulEncounterInTheYear() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2026, 2, 3), "p1");

        PupilYear year = year(pupil("p1", LocalDate.of(2026, 3, 31)), "2025/26");

        assertThat(year.gb5Met()).isTrue();
        assertThat(ids(year.gb5Encounters())).containsExactly("e1");
        assertThat(year.gb5Encounters().getFirst().yearGroup()).isEqualTo(8);
    }

    @Test
    void gb5MetLastYearDoesNotCountThisYear() {
        history.enrol("p1", "s1", "2024/25", 8, SEP_2024)
                .talk("e1", "s1", LocalDate.of(2025, 7, 18), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2025, 12, 31));

        assertThat(year(coverage, "2024/25").gb5Met()).isTrue();
        assertThat(year(coverage, "2025/26").gb5Met()).isFalse();
        assertThat(coverage.years()).extracting(PupilYear::academicYear).containsExactly("2024/25", "2025/26");
    }

    @Test
    void aGb6OnlyEncounterDoesNotCountForGb5() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "s1", LocalDate.of(2025, 11, 3), "p1");

        assertThat(year(pupil("p1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isFalse();
    }

    @Test
    void anEncounterTaggedWithBothBenchmarksCountsForBoth() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .record("e1", "s1", ActivityType.WORK_SHADOWING, Set.of(Benchmark.GB5, Benchmark.GB6),
                        LocalDate.of(2025, 11, 3), "6", DeliveryMode.IN_PERSON, null, History.allMet(), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(year(coverage, "2025/26").gb5Met()).isTrue();
        assertThat(coverage.gb6By16().met()).isTrue();
    }

    // GB5, colleges

    private History college() {
        return history.school("c1", SchoolType.COLLEGE, "h1");
    }

    private void collegeEncounter(String encounterId, String curriculumArea, String... learners) {
        history.record(encounterId, "c1", ActivityType.CAREERS_TALK, Set.of(Benchmark.GB5), LocalDate.of(2025, 11, 3),
                "1", DeliveryMode.IN_PERSON, curriculumArea, History.allMet(), learners);
    }

    @Test
    void aCollegeLearnerNeedsTwoMeaningfulEncountersInTheYear() {
        college().enrol("l1", "c1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK, Sen.NONE, false, Gender.MALE,
                "Engineering");
        collegeEncounter("e1", "Engineering", "l1");

        assertThat(year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isFalse();

        collegeEncounter("e2", "Health", "l1");
        PupilYear year = year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26");

        assertThat(year.gb5Met()).isTrue();
        assertThat(year.gb5Encounters()).extracting(EncounterEvidence::curriculumLinked).containsExactly(true, false);
    }

    @Test
    void aCollegeLearnerNeedsOneEncounterThroughTheirCurriculumArea() {
        college().enrol("l1", "c1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK, Sen.NONE, false, Gender.MALE,
                "Engineering");
        collegeEncounter("e1", "Health", "l1");
        collegeEncounter("e2", null, "l1");

        assertThat(year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isFalse();
    }

    @Test
    void aLearnerWithNoCurriculumAreaIsLinkedByAnyEncounterThatHasOne() {
        college().enrol("l1", "c1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK, Sen.NONE, false, Gender.MALE, null);
        collegeEncounter("e1", null, "l1");
        collegeEncounter("e2", null, "l1");

        assertThat(year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isFalse();

        collegeEncounter("e3", "Health", "l1");

        assertThat(year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isTrue();
    }

    @Test
    void aCollegeLearnersCurriculumAreaMatchesRegardlessOfCase() {
        college().enrol("l1", "c1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK, Sen.NONE, false, Gender.MALE,
                "Engineering");
        collegeEncounter("e1", "engineering ", "l1");
        collegeEncounter("e2", null, "l1");

        assertThat(year(pupil("l1", LocalDate.of(2026, 3, 31)), "2025/26").gb5Met()).isTrue();
    }

    @Test
    void aCollegeLearnerIsMeasuredOnGb6By18Only() {
        college().enrol("l1", "c1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "c1", LocalDate.of(2025, 11, 3), "l1");

        PupilCoverage coverage = pupil("l1", LocalDate.of(2026, 3, 31));

        assertThat(coverage.schoolType()).isEqualTo(SchoolType.COLLEGE);
        assertThat(coverage.gb6By16()).isNull();
        assertThat(coverage.gb6By18().met()).isTrue();
    }

    // GB6

    @Test
    void anExperienceInYear9CountsForGb6By16TwoYearsLater() {
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024)
                .visit("v1", "s1", LocalDate.of(2025, 3, 10), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2027, 3, 31));

        assertThat(year(coverage, "2026/27").yearGroup()).isEqualTo(11);
        assertThat(coverage.gb6By16().met()).isTrue();
        assertThat(coverage.gb6By16().encounters().getFirst().yearGroup()).isEqualTo(9);
        assertThat(coverage.gb6By18().met()).isFalse();
    }

    @Test
    void aYear12ExperienceCountsForBy18ButNotForBy16() {
        history.enrol("p1", "s1", "2025/26", 12, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "s1", LocalDate.of(2025, 10, 6), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(coverage.gb6By16().met()).isFalse();
        assertThat(coverage.gb6By18().met()).isTrue();
        assertThat(coverage.gb6By18().experiences()).isEqualTo(1);
    }

    @Test
    void aYear11ExperienceOnTheLastDayOfYear11CountsForBy16Only() {
        history.enrol("p1", "s1", "2024/25", 11, SEP_2024)
                .visit("v1", "s1", LAST_DAY_2014_FRAMEWORK, "p1")
                .visit("v2", "s1", FIRST_DAY_2024_FRAMEWORK, "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2025, 9, 30));

        assertThat(ids(coverage.gb6By16().encounters())).containsExactly("v1");
        assertThat(ids(coverage.gb6By18().encounters())).containsExactly("v2");
    }

    @Test
    void gb6By16ReportsTwoOrMoreExperiencesForThe2024Plural() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "s1", LocalDate.of(2025, 10, 6), "p1");

        Gb6Progress one = pupil("p1", LocalDate.of(2026, 3, 31)).gb6By16();
        assertThat(one.met()).isTrue();
        assertThat(one.twoOrMore()).isFalse();

        history.visit("v2", "s1", LocalDate.of(2026, 2, 2), "p1");
        Gb6Progress two = pupil("p1", LocalDate.of(2026, 3, 31)).gb6By16();

        assertThat(two.experiences()).isEqualTo(2);
        assertThat(two.twoOrMore()).isTrue();
    }

    // work-experience hours

    @Test
    void keyStage3HoursSumGb6ActivitiesOnlyWithVirtualHoursShownApart() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "s1", LocalDate.of(2025, 10, 6), "p1")
                .talk("t1", "s1", LocalDate.of(2025, 10, 7), "p1")
                .record("w1", "s1", ActivityType.VIRTUAL_WORK_EXPERIENCE, Set.of(Benchmark.GB6),
                        LocalDate.of(2025, 10, 8), "2.5", DeliveryMode.VIRTUAL, null, History.allMet(), "p1");

        WorkExperienceHours hours = pupil("p1", LocalDate.of(2026, 3, 31)).workExperienceHours();

        assertThat(hours.keyStage3()).isEqualByComparingTo("5.5");
        assertThat(hours.keyStage3Virtual()).isEqualByComparingTo("2.5");
        assertThat(hours.keyStage4()).isEqualByComparingTo("0");
        assertThat(ids(hours.keyStage3Encounters())).containsExactly("v1", "w1");
    }

    @Test
    void keyStage3HoursCountGb6ActivitiesEvenWhenNotMeaningful() {
        history.enrol("p1", "s1", "2025/26", 7, FIRST_DAY_2024_FRAMEWORK)
                .record("v1", "s1", ActivityType.WORKPLACE_VISIT, Set.of(Benchmark.GB6), LocalDate.of(2025, 10, 6),
                        "4", DeliveryMode.IN_PERSON, null, checklist(), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(coverage.gb6By16().met()).isFalse();
        assertThat(coverage.workExperienceHours().keyStage3()).isEqualByComparingTo("4");
    }

    @Test
    void keyStage4HoursCountOnlyPlacementsAndAWeekIs25Hours() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .visit("v1", "s1", LocalDate.of(2025, 10, 6), "p1")
                .record("pl1", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2026, 6, 8), "24.75", DeliveryMode.IN_PERSON, null, History.allMet(), "p1");

        WorkExperienceHours before = pupil("p1", LocalDate.of(2026, 7, 1)).workExperienceHours();
        assertThat(before.keyStage4()).isEqualByComparingTo("24.75");
        assertThat(before.keyStage4WeekReached()).isFalse();
        assertThat(before.keyStage3()).isEqualByComparingTo("0");

        history.record("pl2", "s1", ActivityType.T_LEVEL_INDUSTRY_PLACEMENT, Set.of(Benchmark.GB6),
                LocalDate.of(2026, 6, 15), "0.25", DeliveryMode.IN_PERSON, null, checklist(), "p1");
        WorkExperienceHours after = pupil("p1", LocalDate.of(2026, 7, 1)).workExperienceHours();

        assertThat(after.keyStage4()).isEqualByComparingTo("25");
        assertThat(after.keyStage4WeekReached()).isTrue();
        assertThat(ids(after.keyStage4Encounters())).containsExactly("pl1", "pl2");
    }

    @Test
    void hoursAreCountedInTheKeyStageOfTheYearGroupAtTheTime() {
        // Year 9 in 2024/25: a placement then is key stage 3; a placement in Year 12 counts nowhere.
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024)
                .record("pl1", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2025, 6, 9), "10", DeliveryMode.IN_PERSON, null, History.allMet(), "p1")
                .record("pl2", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2026, 6, 8), "20", DeliveryMode.IN_PERSON, null, History.allMet(), "p1")
                .record("pl3", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2028, 6, 5), "30", DeliveryMode.IN_PERSON, null, History.allMet(), "p1");

        WorkExperienceHours hours = pupil("p1", LocalDate.of(2028, 7, 1)).workExperienceHours();

        assertThat(hours.keyStage3()).isEqualByComparingTo("10");
        assertThat(hours.keyStage4()).isEqualByComparingTo("20");
    }

    @Test
    void aWithdrawnPlacementAddsNoHours() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .record("pl1", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2026, 6, 8), "25", DeliveryMode.IN_PERSON, null, History.allMet(), "p1")
                .withdraw("pl1", "s1");

        assertThat(pupil("p1", LocalDate.of(2026, 7, 1)).workExperienceHours().keyStage4())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    // overrides

    @Test
    void anOverrideToMeaningfulCountsAnEncounterWhoseChecklistFailed() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK);
        gb5("e1", LocalDate.of(2025, 10, 1), checklist(), "p1");
        history.override("e1", "s1", Benchmark.GB5, true);

        PupilYear year = year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26");

        assertThat(year.gb5Met()).isTrue();
        assertThat(year.gb5Encounters().getFirst().eventIds()).hasSize(2);
    }

    @Test
    void anOverrideToNotMeaningfulRemovesAnEncounterWhoseChecklistPassed() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .override("e1", "s1", Benchmark.GB5, false);

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isFalse();
    }

    @Test
    void theLatestOverrideOfABenchmarkWins() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .override("e1", "s1", Benchmark.GB5, false)
                .override("e1", "s1", Benchmark.GB5, true);

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isTrue();
    }

    @Test
    void anOverrideOfOneBenchmarkLeavesTheOtherToItsChecklist() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .record("e1", "s1", ActivityType.WORK_SHADOWING, Set.of(Benchmark.GB5, Benchmark.GB6),
                        LocalDate.of(2025, 11, 3), "6", DeliveryMode.IN_PERSON, null, History.allMet(), "p1")
                .override("e1", "s1", Benchmark.GB6, false);

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(year(coverage, "2025/26").gb5Met()).isTrue();
        assertThat(coverage.gb6By16().met()).isFalse();
    }

    @Test
    void anOverrideCannotMakeAnUntaggedBenchmarkCount() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .override("e1", "s1", Benchmark.GB6, true);

        assertThat(pupil("p1", LocalDate.of(2026, 3, 31)).gb6By16().met()).isFalse();
    }

    // withdrawals and corrections

    @Test
    void aWithdrawnEncounterStopsCountingForPastDatesToo() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .withdraw("e1", "s1");

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 2)), "2025/26").gb5Met()).isFalse();
    }

    @Test
    void aPupilRemovedFromTheRegisterLosesTheEncounterForPastDatesToo() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .enrol("p2", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1", "p2")
                .correct("e1", "s1", "p2");

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isFalse();
        assertThat(year(pupil("p2", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isTrue();
    }

    @Test
    void aPupilAddedToTheRegisterGainsTheEncounterForPastDatesToo() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .enrol("p2", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .at(Instant.parse("2026-01-05T09:00:00Z"))
                .correct("e1", "s1", "p1", "p2");

        PupilYear year = year(pupil("p2", LocalDate.of(2025, 10, 1)), "2025/26");

        assertThat(year.gb5Met()).isTrue();
        // The record and the corrected register that put p2 on it.
        assertThat(year.gb5Encounters().getFirst().eventIds()).hasSize(2);
    }

    @Test
    void theLatestCorrectedRegisterReplacesEarlierOnes() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1")
                .correct("e1", "s1", "p2")
                .correct("e1", "s1", "p1");

        assertThat(year(pupil("p1", LocalDate.of(2025, 10, 1)), "2025/26").gb5Met()).isTrue();
    }

    // the two clocks

    @Test
    void encountersDatedAfterAsOfDoNotCountAndOnTheDayTheyDo() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2026, 3, 1), "p1");

        assertThat(year(pupil("p1", LocalDate.of(2026, 2, 28)), "2025/26").gb5Met()).isFalse();
        assertThat(year(pupil("p1", LocalDate.of(2026, 3, 1)), "2025/26").gb5Met()).isTrue();
    }

    @Test
    void knownAtLeavesOutACorrectionRecordedAfterIt() {
        history.enrol("p1", "s1", "2025/26", 8, FIRST_DAY_2024_FRAMEWORK)
                .talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1");
        Instant issued = history.lastRecordedAt();
        history.correct("e1", "s1", "p2");

        LocalDate asOf = LocalDate.of(2025, 12, 31);
        assertThat(year(history.coverageKnownAt(issued).pupil("p1", asOf).orElseThrow(), "2025/26").gb5Met())
                .isTrue();
        assertThat(year(history.coverage().pupil("p1", asOf).orElseThrow(), "2025/26").gb5Met()).isFalse();
    }

    // year groups from the roll

    @Test
    void yearGroupsBeforeTheRollsFirstYearAreCountedBack() {
        history.enrol("p1", "s1", "2025/26", 10, LocalDate.of(2022, 9, 1))
                .visit("v1", "s1", LocalDate.of(2023, 10, 2), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(coverage.years()).extracting(PupilYear::academicYear, PupilYear::yearGroup).containsExactly(
                tuple("2022/23", 7), tuple("2023/24", 8),
                tuple("2024/25", 9), tuple("2025/26", 10));
        assertThat(coverage.workExperienceHours().keyStage3()).isEqualByComparingTo("3");
    }

    @Test
    void aCorrectedYearGroupReplacesTheEnrolledOneForThatYear() {
        history.enrol("p1", "s1", "2025/26", 10, FIRST_DAY_2024_FRAMEWORK)
                .detailsChanged("p1", "s1", "2025/26", 12, Sen.NONE, false, Gender.FEMALE, null)
                .visit("v1", "s1", LocalDate.of(2025, 10, 6), "p1");

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 3, 31));

        assertThat(year(coverage, "2025/26").yearGroup()).isEqualTo(12);
        assertThat(coverage.gb6By18().met()).isTrue();
        assertThat(coverage.gb6By16().met()).isFalse();
    }

    @Test
    void aRepeatedYearRecordedOnTheRollIsFollowed() {
        // Year 9 in 2024/25, recorded in Year 9 again in 2025/26: later years follow the latest record.
        history.enrol("p1", "s1", "2024/25", 9, SEP_2024)
                .detailsChanged("p1", "s1", "2025/26", 9, Sen.NONE, false, Gender.FEMALE, null);

        PupilCoverage coverage = pupil("p1", LocalDate.of(2026, 10, 1));

        assertThat(coverage.years()).extracting(PupilYear::yearGroup).containsExactly(9, 9, 10);
    }

    @Test
    void anUnknownPupilHasNoCoverage() {
        assertThat(history.coverage().pupil("nobody", LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
