package uk.encounters.reporting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.contracts.school.Sen;

/** DOMAIN.md's school figures: the roll on a date, percentages, applicability, full achievement, at-risk lists. */
class SchoolCoverageTest {

    private static final LocalDate SEP_2025 = LocalDate.of(2025, 9, 1);
    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 3, 31);

    private final History history = new History().school("s1", SchoolType.SCHOOL, "h1");

    private SchoolCoverage school(LocalDate asOf) {
        return history.coverage().school("s1", asOf).orElseThrow();
    }

    private static YearGroupCoverage yearGroup(SchoolCoverage coverage, int yearGroup) {
        return coverage.yearGroups().get(yearGroup - 7);
    }

    private static Figure figure(int onRoll, int met, String percent) {
        return new Figure(onRoll, met, percent == null ? null : new BigDecimal(percent),
                onRoll == 0 ? null : met == onRoll);
    }

    private void enrol(String pupilId, int yearGroup) {
        history.enrol(pupilId, "s1", "2025/26", yearGroup, SEP_2025);
    }

    // on roll on a date

    @Test
    void aJoinerCountsFromTheirAdmissionDate() {
        history.enrol("p1", "s1", "2025/26", 8, LocalDate.of(2026, 1, 12));

        assertThat(yearGroup(school(LocalDate.of(2026, 1, 11)), 8).gb5().onRoll()).isZero();
        assertThat(yearGroup(school(LocalDate.of(2026, 1, 12)), 8).gb5().onRoll()).isEqualTo(1);
    }

    @Test
    void aLeaverStaysInTheFiguresUpToAndIncludingTheLeavingDate() {
        enrol("p1", 8);
        enrol("p2", 8);
        history.talk("e1", "s1", LocalDate.of(2025, 10, 1), "p2")
                .leave("p1", "s1", LocalDate.of(2026, 2, 13));

        assertThat(yearGroup(school(LocalDate.of(2026, 2, 12)), 8).gb5()).isEqualTo(figure(2, 1, "50.0"));
        assertThat(yearGroup(school(LocalDate.of(2026, 2, 13)), 8).gb5()).isEqualTo(figure(2, 1, "50.0"));
        assertThat(yearGroup(school(LocalDate.of(2026, 2, 14)), 8).gb5()).isEqualTo(figure(1, 1, "100.0"));
    }

    @Test
    void aPupilWhoLeftAndCameBackCountsAgainFromTheirReturn() {
        enrol("p1", 8);
        history.leave("p1", "s1", LocalDate.of(2025, 11, 30))
                .enrol("p1", "s1", "2025/26", 8, LocalDate.of(2026, 2, 2));

        assertThat(yearGroup(school(LocalDate.of(2025, 11, 30)), 8).gb5().onRoll()).isEqualTo(1);
        assertThat(yearGroup(school(LocalDate.of(2026, 1, 5)), 8).gb5().onRoll()).isZero();
        assertThat(yearGroup(school(LocalDate.of(2026, 2, 2)), 8).gb5().onRoll()).isEqualTo(1);
    }

    @Test
    void pupilsMoveUpAYearGroupEachAcademicYear() {
        history.enrol("p1", "s1", "2024/25", 9, LocalDate.of(2024, 9, 1));

        SchoolCoverage coverage = school(LocalDate.of(2026, 12, 31));

        assertThat(yearGroup(coverage, 11).gb5().onRoll()).isEqualTo(1);
        assertThat(coverage.academicYear()).isEqualTo("2026/27");
        assertThat(coverage.framework()).isEqualTo(FrameworkVersion.V2024);
    }

    // percentages

    @Test
    void percentagesAreRoundedHalfUpToOneDecimal() {
        enrol("p1", 7);
        enrol("p2", 7);
        enrol("p3", 7);
        for (int i = 1; i <= 8; i++) {
            enrol("q" + i, 9);
        }
        history.talk("e1", "s1", LocalDate.of(2025, 10, 1), "p1", "p2", "q1");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(yearGroup(coverage, 7).gb5()).isEqualTo(figure(3, 2, "66.7"));
        assertThat(yearGroup(coverage, 9).gb5()).isEqualTo(figure(8, 1, "12.5"));
        assertThat(coverage.gb5()).isEqualTo(figure(11, 3, "27.3"));
    }

    @Test
    void aYearGroupWithNobodyOnRollHasANullPercentage() {
        enrol("p1", 7);

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(yearGroup(coverage, 10).gb5()).isEqualTo(new Figure(0, 0, null, null));
        assertThat(yearGroup(coverage, 10).gb5().applicable()).isFalse();
        assertThat(coverage.yearGroups()).extracting(YearGroupCoverage::yearGroup)
                .containsExactly(7, 8, 9, 10, 11, 12, 13);
    }

    // the measures

    @Test
    void gb6By16IsMeasuredOnYear11AndBy18OnYear13() {
        enrol("y10", 10);
        enrol("y11a", 11);
        enrol("y11b", 11);
        enrol("y12", 12);
        enrol("y13", 13);
        history.visit("v1", "s1", LocalDate.of(2025, 10, 6), "y10", "y11a", "y12");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(coverage.gb6By16()).isEqualTo(figure(2, 1, "50.0"));
        assertThat(coverage.gb6By18()).isEqualTo(figure(1, 0, "0.0"));
        assertThat(yearGroup(coverage, 10).gb6By16()).isEqualTo(figure(1, 1, "100.0"));
        assertThat(yearGroup(coverage, 12).gb6By18()).isEqualTo(figure(1, 1, "100.0"));
        assertThat(yearGroup(coverage, 12).gb6By16()).isNull();
        assertThat(yearGroup(coverage, 11).gb6By18()).isNull();
    }

    @Test
    void atRiskListsNameYear11WithoutBy16Year13WithoutBy18AndEveryoneWithoutGb5() {
        enrol("a", 11);
        enrol("b", 11);
        enrol("c", 13);
        enrol("d", 8);
        history.visit("v1", "s1", LocalDate.of(2025, 10, 6), "a")
                .talk("t1", "s1", LocalDate.of(2025, 10, 7), "b", "c");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(coverage.atRisk().get(Measure.GB6_BY_16)).containsExactly(new AtRiskPupil("b", 11));
        assertThat(coverage.atRisk().get(Measure.GB6_BY_18)).containsExactly(new AtRiskPupil("c", 13));
        assertThat(coverage.atRisk().get(Measure.GB5))
                .containsExactly(new AtRiskPupil("d", 8), new AtRiskPupil("a", 11));
    }

    @Test
    void breakdownsSplitEachMeasureBySenPupilPremiumAndGender() {
        history.enrol("a", "s1", "2025/26", 11, SEP_2025, Sen.EHC_PLAN, true, Gender.MALE, null)
                .enrol("b", "s1", "2025/26", 11, SEP_2025, Sen.NONE, true, Gender.FEMALE, null)
                .enrol("c", "s1", "2025/26", 9, SEP_2025, Sen.NONE, false, Gender.FEMALE, null)
                .talk("t1", "s1", LocalDate.of(2025, 10, 7), "a", "c")
                .visit("v1", "s1", LocalDate.of(2025, 10, 8), "b");

        Breakdowns breakdowns = school(SNAPSHOT).breakdowns();

        assertThat(breakdowns.bySen().get(Sen.EHC_PLAN))
                .isEqualTo(new GroupCoverage(figure(1, 1, "100.0"), figure(1, 0, "0.0"), figure(0, 0, null)));
        assertThat(breakdowns.bySen().get(Sen.NONE).gb5()).isEqualTo(figure(2, 1, "50.0"));
        assertThat(breakdowns.bySen().get(Sen.SEN_SUPPORT).gb5()).isEqualTo(figure(0, 0, null));
        assertThat(breakdowns.byPupilPremium().get(true))
                .isEqualTo(new GroupCoverage(figure(2, 1, "50.0"), figure(2, 1, "50.0"), figure(0, 0, null)));
        assertThat(breakdowns.byPupilPremium().get(false).gb5()).isEqualTo(figure(1, 1, "100.0"));
        assertThat(breakdowns.byGender().get(Gender.FEMALE).gb6By16()).isEqualTo(figure(1, 1, "100.0"));
        assertThat(breakdowns.byGender().get(Gender.MALE).gb6By16()).isEqualTo(figure(1, 0, "0.0"));
        assertThat(breakdowns.byGender()).containsOnlyKeys(Gender.values());
    }

    @Test
    void workExperienceHoursAreSummedPerYearGroupInItsKeyStage() {
        enrol("a", 9);
        enrol("b", 9);
        enrol("c", 10);
        history.record("w1", "s1", ActivityType.WORK_SHADOWING, Set.of(Benchmark.GB6), LocalDate.of(2025, 10, 6),
                        "25", DeliveryMode.IN_PERSON, null, History.allMet(), "a")
                .record("w2", "s1", ActivityType.VIRTUAL_WORK_EXPERIENCE, Set.of(Benchmark.GB6),
                        LocalDate.of(2025, 10, 7), "2", DeliveryMode.VIRTUAL, null, History.allMet(), "a", "b")
                .record("w3", "s1", ActivityType.WORK_EXPERIENCE_PLACEMENT, Set.of(Benchmark.GB6),
                        LocalDate.of(2025, 10, 8), "30", DeliveryMode.IN_PERSON, null, History.allMet(), "c");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(yearGroup(coverage, 9).workExperienceHours()).isEqualTo(new HoursFigure("KS3", 2,
                new BigDecimal("29.00"), new BigDecimal("4.00"), 1, new BigDecimal("50.0")));
        assertThat(yearGroup(coverage, 10).workExperienceHours()).isEqualTo(new HoursFigure("KS4", 1,
                new BigDecimal("30.00"), null, 1, new BigDecimal("100.0")));
        assertThat(yearGroup(coverage, 12).workExperienceHours()).isNull();
    }

    // full achievement and applicability

    @Test
    void gb5IsFullyAchievedOnlyWhenEveryPupilOnRollInYears7To13HasMetIt() {
        enrol("a", 7);
        enrol("b", 13);
        history.talk("t1", "s1", LocalDate.of(2025, 10, 7), "a");

        assertThat(school(SNAPSHOT).gb5FullyAchieved()).isFalse();

        history.talk("t2", "s1", LocalDate.of(2025, 10, 8), "b");

        assertThat(school(SNAPSHOT).gb5FullyAchieved()).isTrue();
    }

    @Test
    void aLeaverWithoutGb5NoLongerHoldsTheSchoolBackAfterLeaving() {
        enrol("a", 7);
        enrol("b", 7);
        history.talk("t1", "s1", LocalDate.of(2025, 10, 7), "a")
                .leave("b", "s1", LocalDate.of(2025, 12, 19));

        assertThat(school(LocalDate.of(2025, 12, 19)).gb5FullyAchieved()).isFalse();
        assertThat(school(SNAPSHOT).gb5FullyAchieved()).isTrue();
    }

    @Test
    void gb6IsFullyAchievedWhenEveryYear11HasMetBy16AndEveryYear13By18() {
        enrol("a", 11);
        enrol("b", 13);
        enrol("c", 9);
        history.visit("v1", "s1", LocalDate.of(2025, 10, 6), "a");

        assertThat(school(SNAPSHOT).gb6FullyAchieved()).isFalse();

        history.visit("v2", "s1", LocalDate.of(2025, 10, 7), "b");

        // Year 9 without an experience yet does not count against the school.
        assertThat(school(SNAPSHOT).gb6FullyAchieved()).isTrue();
    }

    @Test
    void anElevenToSixteenSchoolIsJudgedOnGb6By16AloneSinceBy18IsNotApplicable() {
        enrol("a", 11);
        enrol("b", 10);
        history.visit("v1", "s1", LocalDate.of(2025, 10, 6), "a");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(coverage.gb6By18()).isEqualTo(figure(0, 0, null));
        assertThat(coverage.gb6By18().applicable()).isFalse();
        assertThat(coverage.gb6FullyAchieved()).isTrue();
    }

    @Test
    void aBenchmarkWithNoApplicablePupilsIsNotApplicableForTheSchool() {
        enrol("a", 8);
        history.talk("t1", "s1", LocalDate.of(2025, 10, 7), "a");

        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(coverage.gb5FullyAchieved()).isTrue();
        assertThat(coverage.gb6FullyAchieved()).isNull();
    }

    @Test
    void aSchoolWithNobodyOnRollHasNothingApplicable() {
        SchoolCoverage coverage = school(SNAPSHOT);

        assertThat(coverage.gb5()).isEqualTo(new Figure(0, 0, null, null));
        assertThat(coverage.gb5FullyAchieved()).isNull();
        assertThat(coverage.gb6FullyAchieved()).isNull();
    }

    @Test
    void aCollegeHasNoBy16MeasureAndIsJudgedForGb6OnYear13() {
        history.school("c1", SchoolType.COLLEGE, "h1")
                .enrol("l12", "c1", "2025/26", 12, SEP_2025)
                .enrol("l13", "c1", "2025/26", 13, SEP_2025)
                .visit("v1", "c1", LocalDate.of(2025, 10, 6), "l13");

        SchoolCoverage coverage = history.coverage().school("c1", SNAPSHOT).orElseThrow();

        assertThat(coverage.gb6By16()).isNull();
        assertThat(coverage.yearGroups()).allSatisfy(y -> assertThat(y.gb6By16()).isNull());
        assertThat(coverage.gb6By18()).isEqualTo(figure(1, 1, "100.0"));
        assertThat(coverage.gb6FullyAchieved()).isTrue();
        assertThat(coverage.atRisk().get(Measure.GB6_BY_16)).isEmpty();
        assertThat(coverage.breakdowns().bySen().get(Sen.NONE).gb6By16()).isNull();
    }

    @Test
    void aCollegesGb5CountsTwoEncountersOneCurriculumLinked() {
        history.school("c1", SchoolType.COLLEGE, "h1")
                .enrol("l1", "c1", "2025/26", 12, SEP_2025, Sen.NONE, false, Gender.MALE, "Construction")
                .enrol("l2", "c1", "2025/26", 12, SEP_2025, Sen.NONE, false, Gender.MALE, "Health")
                .record("e1", "c1", ActivityType.CAREERS_TALK, Set.of(Benchmark.GB5), LocalDate.of(2025, 10, 6), "1",
                        DeliveryMode.IN_PERSON, "Construction", History.allMet(), "l1", "l2")
                .record("e2", "c1", ActivityType.CAREERS_FAIR, Set.of(Benchmark.GB5), LocalDate.of(2025, 10, 7), "2",
                        DeliveryMode.IN_PERSON, null, History.allMet(), "l1", "l2");

        SchoolCoverage coverage = history.coverage().school("c1", SNAPSHOT).orElseThrow();

        assertThat(coverage.gb5()).isEqualTo(figure(2, 1, "50.0"));
        assertThat(coverage.atRisk().get(Measure.GB5)).containsExactly(new AtRiskPupil("l2", 12));
    }

    @Test
    void pupilsOfOtherSchoolsAndOutsideYears7To13AreNotCounted() {
        history.school("s2", SchoolType.SCHOOL, "h1")
                .enrol("other", "s2", "2025/26", 8, SEP_2025)
                .enrol("y6", "s1", "2025/26", 6, SEP_2025);
        enrol("a", 8);

        assertThat(school(SNAPSHOT).gb5().onRoll()).isEqualTo(1);
    }

    @Test
    void anUnregisteredSchoolHasNoFigures() {
        assertThat(history.coverage().school("unknown", SNAPSHOT)).isEmpty();
    }

    // evidence

    @Test
    void everyMetFigureNamesTheEncountersAndEventIdsBehindIt() {
        enrol("a", 11);
        enrol("b", 11);
        History.Stamped recorded = history.add("encounter-v1", new EncounterRecorded(
                "v1", "s1", "employer-1", "Health", null, null, null, ActivityType.WORKPLACE_VISIT,
                List.of(Benchmark.GB6), LocalDate.of(2025, 10, 6), "2025/26", new BigDecimal("3"),
                DeliveryMode.IN_PERSON, "Site", null, List.of("a"), History.allMet(), Map.of(),
                FrameworkVersion.V2024));
        History.Stamped corrected = history.add("encounter-v1", new AttendanceCorrected("v1", "s1", List.of("a", "b"), "b was there"));
        History.Stamped overridden = history.add("encounter-v1", new MeaningfulnessOverridden("v1", "s1", Benchmark.GB6, true, "checked with the employer"));

        List<PupilEvidence> evidence = history.coverage().evidence("s1", Measure.GB6_BY_16, null, SNAPSHOT);

        assertThat(evidence).extracting(PupilEvidence::pupilId).containsExactly("a", "b");
        assertThat(evidence.getFirst().encounters()).singleElement().satisfies(e -> {
            assertThat(e.encounterId()).isEqualTo("v1");
            assertThat(e.framework()).isEqualTo(FrameworkVersion.V2024);
            assertThat(e.eventIds()).containsExactly(recorded.stamp().eventId(), corrected.stamp().eventId(),
                    overridden.stamp().eventId());
        });
        assertThat(school(SNAPSHOT).gb6By16().met()).isEqualTo(evidence.size());
    }

    @Test
    void evidenceAndTheChecklistSayWhichAccountRecordedEachEvent() {
        enrol("a", 11);
        enrol("b", 11);
        History.Stamped recorded = history.by("leader-1").add("encounter-v1", new EncounterRecorded(
                "v1", "s1", "employer-1", "Health", null, null, null, ActivityType.WORKPLACE_VISIT,
                List.of(Benchmark.GB6), LocalDate.of(2025, 10, 6), "2025/26", new BigDecimal("3"),
                DeliveryMode.IN_PERSON, "Site", null, List.of("a"), History.checklist(), Map.of(),
                FrameworkVersion.V2024));
        History.Stamped corrected = history.by("leader-2").add("encounter-v1",
                new AttendanceCorrected("v1", "s1", List.of("a", "b"), "b was there"));
        History.Stamped overridden = history.by("leader-3").add("encounter-v1",
                new MeaningfulnessOverridden("v1", "s1", Benchmark.GB6, true, "checked with the employer"));

        EncounterEvidence evidence = history.coverage().evidence("s1", Measure.GB6_BY_16, null, SNAPSHOT)
                .getFirst().encounters().getFirst();

        assertThat(evidence.events()).containsExactly(
                new EvidenceEvent(recorded.stamp().eventId(), "encounter.EncounterRecorded.v1",
                        recorded.stamp().recordedAt(), "leader-1"),
                new EvidenceEvent(corrected.stamp().eventId(), "encounter.AttendanceCorrected.v1",
                        corrected.stamp().recordedAt(), "leader-2"),
                new EvidenceEvent(overridden.stamp().eventId(), "encounter.MeaningfulnessOverridden.v1",
                        overridden.stamp().recordedAt(), "leader-3"));
        assertThat(evidence.eventIds()).containsExactly(recorded.stamp().eventId(), corrected.stamp().eventId(),
                overridden.stamp().eventId());

        history.by("leader-4").withdraw("v1", "s1");
        EncounterChecklist checklist = history.coverage().checklist("v1").orElseThrow();
        assertThat(checklist.events()).extracting(EvidenceEvent::type, EvidenceEvent::recordedBy).containsExactly(
                tuple("encounter.EncounterRecorded.v1", "leader-1"),
                tuple("encounter.AttendanceCorrected.v1", "leader-2"),
                tuple("encounter.MeaningfulnessOverridden.v1", "leader-3"),
                tuple("encounter.EncounterWithdrawn.v1", "leader-4"));
        assertThat(checklist.results().get(Benchmark.GB6)).satisfies(r -> {
            assertThat(r.overrideReason()).isEqualTo("checked with the employer");
            assertThat(r.overrideEventId()).isEqualTo(overridden.stamp().eventId());
            assertThat(r.overrideRecordedBy()).isEqualTo("leader-3");
        });

        // The employer reads the same checklist without the school's accounts.
        EncounterChecklist forEmployer = checklist.withoutAccounts();
        assertThat(forEmployer.events()).extracting(EvidenceEvent::recordedBy).containsOnlyNulls();
        assertThat(forEmployer.events()).extracting(EvidenceEvent::eventId)
                .isEqualTo(checklist.events().stream().map(EvidenceEvent::eventId).toList());
        assertThat(forEmployer.results().get(Benchmark.GB6).overrideRecordedBy()).isNull();
        assertThat(forEmployer.results().get(Benchmark.GB6).meaningful()).isFalse();
    }

    @Test
    void evidenceCanBeNarrowedToOneYearGroup() {
        enrol("a", 7);
        enrol("b", 8);
        history.talk("t1", "s1", LocalDate.of(2025, 10, 7), "a")
                .talk("t2", "s1", LocalDate.of(2025, 10, 8), "b");

        assertThat(history.coverage().evidence("s1", Measure.GB5, 8, SNAPSHOT))
                .extracting(PupilEvidence::pupilId).containsExactly("b");
    }

    @Test
    void theChecklistViewShowsFrameworkResultAndOverridePerBenchmark() {
        history.record("e1", "s1", ActivityType.WORK_SHADOWING, Set.of(Benchmark.GB5, Benchmark.GB6),
                        LocalDate.of(2025, 3, 3), "6", DeliveryMode.IN_PERSON, null,
                        History.required(Benchmark.GB5, FrameworkVersion.V2014), "a")
                .override("e1", "s1", Benchmark.GB6, true);

        EncounterChecklist checklist = history.coverage().checklist("e1").orElseThrow();

        assertThat(checklist.framework()).isEqualTo(FrameworkVersion.V2014);
        assertThat(checklist.academicYear()).isEqualTo("2024/25");
        assertThat(checklist.results().get(Benchmark.GB5).checklistMet()).isTrue();
        assertThat(checklist.results().get(Benchmark.GB5).override()).isNull();
        assertThat(checklist.results().get(Benchmark.GB6).checklistMet()).isFalse();
        assertThat(checklist.results().get(Benchmark.GB6).override()).isTrue();
        assertThat(checklist.results().get(Benchmark.GB6).overrideReason()).isEqualTo("careers leader's judgement");
        assertThat(checklist.results().get(Benchmark.GB6).meaningful()).isTrue();
    }

    @Test
    void aWithdrawnEncountersChecklistViewShowsItCountsForNothing() {
        history.talk("e1", "s1", LocalDate.of(2025, 10, 1), "a").withdraw("e1", "s1");

        EncounterChecklist checklist = history.coverage().checklist("e1").orElseThrow();

        assertThat(checklist.withdrawn()).isTrue();
        assertThat(checklist.results().get(Benchmark.GB5).checklistMet()).isTrue();
        assertThat(checklist.results().get(Benchmark.GB5).meaningful()).isFalse();
    }

    // the two clocks

    @Test
    void knownAtReproducesAnEarlierReportExactly() {
        enrol("a", 11);
        enrol("b", 11);
        enrol("c", 13);
        history.talk("t1", "s1", LocalDate.of(2025, 10, 7), "a", "b")
                .visit("v1", "s1", LocalDate.of(2025, 11, 3), "a", "c")
                .override("t1", "s1", Benchmark.GB5, false)
                .override("t1", "s1", Benchmark.GB5, true);
        Instant issued = history.lastRecordedAt();
        SchoolCoverage asIssued = Coverage.of(history.facts(), issued).school("s1", SNAPSHOT).orElseThrow();

        history.at(issued.plusSeconds(3600))
                .correct("v1", "s1", "b")
                .withdraw("t1", "s1")
                .talk("t2", "s1", LocalDate.of(2026, 1, 5), "c")
                .enrol("d", "s1", "2025/26", 11, SEP_2025)
                .leave("c", "s1", LocalDate.of(2025, 12, 1))
                .override("v1", "s1", Benchmark.GB6, false);

        assertThat(history.coverageKnownAt(issued).school("s1", SNAPSHOT).orElseThrow()).isEqualTo(asIssued);
        assertThat(asIssued.gb5()).isEqualTo(figure(3, 2, "66.7"));
        assertThat(history.coverage().school("s1", SNAPSHOT).orElseThrow().gb5()).isEqualTo(figure(3, 0, "0.0"));
    }

    @Test
    void aFinishedAcademicYearIsReportedAsItEndedOn31August() {
        assertThat(Coverage.reportDate("2024/25", LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(Coverage.reportDate("2025/26", SNAPSHOT)).isEqualTo(SNAPSHOT);
        assertThat(Coverage.reportDate(null, SNAPSHOT)).isEqualTo(SNAPSHOT);
        assertThatThrownBy(() -> Coverage.reportDate("2026/27", SNAPSHOT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asOfExcludesEncountersDatedAfterIt() {
        enrol("a", 7);
        history.talk("t1", "s1", LocalDate.of(2026, 4, 20), "a");

        assertThat(school(SNAPSHOT).gb5().met()).isZero();
        assertThat(school(LocalDate.of(2026, 7, 31)).gb5().met()).isEqualTo(1);
    }
}
