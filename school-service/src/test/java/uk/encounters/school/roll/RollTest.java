package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.web.ProblemException;

class RollTest {

    private static final String SCHOOL = "s-1";
    private static final String ROLL = Roll.idOf(SCHOOL);
    private static final String YEAR = "2026/27";
    private static final String NEXT_YEAR = "2027/28";
    private static final SortedSet<Integer> SEVEN_TO_ELEVEN = new TreeSet<>(List.of(7, 8, 9, 10, 11));
    private static final SortedSet<Integer> SEVEN_TO_THIRTEEN = new TreeSet<>(List.of(7, 8, 9, 10, 11, 12, 13));
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 10);
    private static final LocalDate MARCH = LocalDate.of(2027, 3, 14);
    private static final LocalDate ADMITTED = LocalDate.of(2026, 9, 2);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 24);
    private static final LocalDate SEPTEMBER_2020 = LocalDate.of(2020, 9, 3);

    private FixtureConfiguration<Roll> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Roll.class);
    }

    private static RollEntry entry(String pupilId, int yearGroup) {
        return new RollEntry(pupilId, 2, yearGroup, Sen.NONE, false, Gender.FEMALE, null, ADMITTED, null, false);
    }

    private static RollEntry entry(String pupilId, int yearGroup, LocalDate admitted) {
        return new RollEntry(pupilId, 2, yearGroup, Sen.NONE, false, Gender.FEMALE, null, admitted, null, false);
    }

    private static PupilEnrolled enrolled(String pupilId, int yearGroup, String year) {
        return enrolled(pupilId, yearGroup, year, ADMITTED);
    }

    private static PupilEnrolled enrolled(String pupilId, int yearGroup, String year, LocalDate admitted) {
        return new PupilEnrolled(SCHOOL, pupilId, year, yearGroup, admitted, Sen.NONE, false, Gender.FEMALE, null);
    }

    private static UploadRoll upload(LocalDate on, RollEntry... entries) {
        return upload(YEAR, on, entries);
    }

    private static UploadRoll upload(String year, LocalDate on, RollEntry... entries) {
        return new UploadRoll(ROLL, SCHOOL, year, SEVEN_TO_ELEVEN, on, List.of(entries));
    }

    private static AcademicYearStarted opened() {
        return new AcademicYearStarted(SCHOOL, YEAR, null);
    }

    @Test
    void theFirstUploadOpensTheRollAndEnrolsEveryone() {
        fixture.givenNoPriorActivity()
                .when(upload(SEPTEMBER, entry("p-1", 7), entry("p-2", 11)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 11, YEAR))
                .expectResultMessagePayload(new RollReconciled(2, 0, 0, 0));
    }

    @Test
    void joinersAreEnrolledAndEveryoneElseIsUnchanged() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR))
                .when(upload(MARCH, entry("p-1", 7), entry("p-3", 8)))
                .expectEvents(enrolled("p-3", 8, YEAR))
                .expectResultMessagePayload(new RollReconciled(1, 0, 0, 1));
    }

    @Test
    void pupilsMissingFromTheFileLeaveOnTheUploadDate() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 9, YEAR))
                .when(upload(MARCH, entry("p-1", 7)))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", YEAR, MARCH))
                .expectResultMessagePayload(new RollReconciled(0, 1, 0, 1));
    }

    @Test
    void aPupilWithALeavingDateLeavesOnThatDate() {
        LocalDate leaving = LocalDate.of(2027, 2, 20);
        RollEntry leaver = new RollEntry("p-1", 2, 7, Sen.NONE, false, Gender.FEMALE, null, ADMITTED, leaving, false);
        fixture.given(opened(), enrolled("p-1", 7, YEAR))
                .when(upload(MARCH, leaver))
                .expectEvents(new PupilLeft(SCHOOL, "p-1", YEAR, leaving))
                .expectResultMessagePayload(new RollReconciled(0, 1, 0, 0));
    }

    @Test
    void aLeaverStillListedWithTheSameLeavingDateIsUnchanged() {
        LocalDate leaving = LocalDate.of(2027, 2, 20);
        RollEntry leaver = new RollEntry("p-1", 2, 7, Sen.NONE, false, Gender.FEMALE, null, ADMITTED, leaving, false);
        fixture.given(opened(), enrolled("p-1", 7, YEAR), new PupilLeft(SCHOOL, "p-1", YEAR, leaving))
                .when(upload(MARCH, leaver))
                .expectNoEvents()
                .expectResultMessagePayload(new RollReconciled(0, 0, 0, 1));
    }

    @Test
    void aLeaverWhoComesBackIsEnrolledAgainUnderTheSameId() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR), new PupilLeft(SCHOOL, "p-1", YEAR, SEPTEMBER))
                .when(upload(MARCH, entry("p-1", 7)))
                .expectEvents(enrolled("p-1", 7, YEAR))
                .expectResultMessagePayload(new RollReconciled(1, 0, 0, 0));
    }

    @Test
    void changedAttributesAreRecordedWithAllOfThemAsTheyNowStand() {
        RollEntry changed = new RollEntry("p-1", 2, 8, Sen.EHC_PLAN, true, Gender.FEMALE, null, ADMITTED, null, false);
        fixture.given(opened(), enrolled("p-1", 7, YEAR))
                .when(upload(MARCH, changed))
                .expectEvents(new PupilDetailsChanged(SCHOOL, "p-1", YEAR, 8, ADMITTED, Sen.EHC_PLAN, true,
                        Gender.FEMALE, null))
                .expectResultMessagePayload(new RollReconciled(0, 0, 1, 0));
    }

    @Test
    void aNameOrBirthDateCorrectionIsRecordedWithoutTheValues() {
        RollEntry corrected = new RollEntry("p-1", 2, 7, Sen.NONE, false, Gender.FEMALE, null, ADMITTED, null, true);
        fixture.given(opened(), enrolled("p-1", 7, YEAR))
                .when(upload(MARCH, corrected))
                .expectEvents(new PupilIdentityCorrected(SCHOOL, "p-1"))
                .expectResultMessagePayload(new RollReconciled(0, 0, 1, 0));
    }

    @Test
    void reUploadingTheSameRollChangesNothing() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 11, YEAR))
                .when(upload(MARCH, entry("p-1", 7), entry("p-2", 11)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new RollReconciled(0, 0, 0, 2));
    }

    @Test
    void cannotEnrolPupilsInYearGroupsTheSchoolDoesNotTeach() {
        RollEntry sixthFormer = new RollEntry("p-2", 5, 12, Sen.NONE, false, Gender.MALE, null, ADMITTED, null, false);
        fixture.givenNoPriorActivity()
                .when(upload(SEPTEMBER, entry("p-1", 7), sixthFormer))
                .expectNoEvents()
                .expectException(withErrors(new ProblemException.FieldError("line 5: YearGroup",
                        "This school does not teach Year 12; it teaches Years 7 to 11.")));
    }

    @Test
    void cannotUploadARollForAYearBeforeTheOneTheRollIsIn() {
        fixture.given(opened(), new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                .when(upload(YEAR, LocalDate.of(2027, 8, 20), entry("p-1", 8)))
                .expectException(ProblemException.class)
                .expectNoEvents();
    }

    @Test
    void cannotUploadARollForAYearLongPast() {
        fixture.givenNoPriorActivity()
                .when(upload("2019/20", SEPTEMBER, entry("p-1", 8)))
                .expectException(ProblemException.class)
                .expectExceptionMessage("History goes back to 2020/21, 6 years before this one. Upload the roll of"
                        + " any year from 2020/21 to 2027/28.")
                .expectNoEvents();
    }

    @Test
    void aNewRollMayStartSixYearsBack() {
        fixture.givenNoPriorActivity()
                .when(upload("2020/21", NOVEMBER, entry("p-1", 8, SEPTEMBER_2020)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AcademicYearStarted(SCHOOL, "2020/21", null),
                        enrolled("p-1", 8, "2020/21", SEPTEMBER_2020));
    }

    @Test
    void cannotUploadARollBeyondNextYear() {
        fixture.givenNoPriorActivity()
                .when(upload("2028/29", NOVEMBER, entry("p-1", 8)))
                .expectExceptionMessage("Rolls can be uploaded up to the next academic year, 2027/28. Upload the"
                        + " roll of any year from 2020/21 to 2027/28.")
                .expectNoEvents();
    }

    @Test
    void theFirstUploadOfAPastYearOpensTheRollInThatYear() {
        fixture.givenNoPriorActivity()
                .when(upload("2024/25", NOVEMBER, entry("p-1", 10, SEPTEMBER_2020), entry("p-2", 11, SEPTEMBER_2020)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AcademicYearStarted(SCHOOL, "2024/25", null),
                        enrolled("p-1", 10, "2024/25", SEPTEMBER_2020), enrolled("p-2", 11, "2024/25", SEPTEMBER_2020))
                .expectResultMessagePayload(new RollReconciled(2, 0, 0, 0))
                .expectState(roll -> assertThat(yearGroups(roll)).containsExactly("p-1=10", "p-2=11"));
    }

    @Test
    void onceTheRollHasStartedAPastYearIsRefused() {
        fixture.given(opened())
                .when(upload("2025/26", NOVEMBER, entry("p-1", 8)))
                .expectExceptionMessage("This school's roll has started and is in 2026/27; it only moves forward."
                        + " Upload the roll of 2026/27 or 2027/28.")
                .expectNoEvents();
    }

    @Test
    void aRollStartedInAPastYearRefusesAnEarlierOne() {
        fixture.given(new AcademicYearStarted(SCHOOL, "2024/25", null), enrolled("p-1", 9, "2024/25", SEPTEMBER_2020))
                .when(upload("2023/24", NOVEMBER, entry("p-1", 8, SEPTEMBER_2020)))
                .expectExceptionMessage("This school's roll has started and is in 2024/25; it only moves forward."
                        + " Upload the roll of any year from 2024/25 to 2027/28.")
                .expectNoEvents();
    }

    @Test
    void pupilsMissingFromAPastYearsRollLeftOnThe31stOfAugustBeforeIt() {
        fixture.given(new AcademicYearStarted(SCHOOL, "2024/25", null), enrolled("p-1", 9, "2024/25", SEPTEMBER_2020),
                        enrolled("p-2", 10, "2024/25", SEPTEMBER_2020), enrolled("p-3", 11, "2024/25", SEPTEMBER_2020))
                // In November 2026, 2025/26's roll: p-3 finished Year 11 and p-2 left over the summer of 2025.
                .when(upload("2025/26", NOVEMBER, entry("p-1", 10, SEPTEMBER_2020)))
                .expectEvents(new PupilLeft(SCHOOL, "p-3", "2024/25", LocalDate.of(2025, 8, 31)),
                        new AcademicYearStarted(SCHOOL, "2025/26", "2024/25"),
                        new PupilLeft(SCHOOL, "p-2", "2025/26", LocalDate.of(2025, 8, 31)))
                .expectResultMessagePayload(new RollReconciled(0, 1, 0, 1))
                .expectState(roll -> assertThat(yearGroups(roll)).containsExactly("p-1=10"));
    }

    @Test
    void aPastYearsListedLeaverKeepsTheirLeavingDate() {
        LocalDate march2025 = LocalDate.of(2025, 3, 14);
        RollEntry leaver = new RollEntry("p-2", 3, 9, Sen.NONE, false, Gender.FEMALE, null, SEPTEMBER_2020,
                march2025, false);
        fixture.givenNoPriorActivity()
                .when(upload("2024/25", NOVEMBER, entry("p-1", 9, SEPTEMBER_2020), leaver))
                .expectEvents(new AcademicYearStarted(SCHOOL, "2024/25", null),
                        enrolled("p-1", 9, "2024/25", SEPTEMBER_2020), enrolled("p-2", 9, "2024/25", SEPTEMBER_2020),
                        new PupilLeft(SCHOOL, "p-2", "2024/25", march2025))
                .expectResultMessagePayload(new RollReconciled(2, 1, 0, 0));
    }

    @Test
    void aPupilMissingFromAPastYearUploadedAgainLeavesNoEarlierThanTheirAdmission() {
        LocalDate january2025 = LocalDate.of(2025, 1, 6);
        fixture.given(new AcademicYearStarted(SCHOOL, "2024/25", null), enrolled("p-1", 9, "2024/25", SEPTEMBER_2020),
                        enrolled("p-2", 9, "2024/25", january2025))
                .when(upload("2024/25", NOVEMBER, entry("p-1", 9, SEPTEMBER_2020)))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", "2024/25", january2025));
    }

    @Test
    void historyComesInYearByYearUpToThisYearWhereMissingPupilsLeaveOnTheUploadDate() {
        fixture.given(new AcademicYearStarted(SCHOOL, "2024/25", null), enrolled("p-1", 9, "2024/25", SEPTEMBER_2020),
                        enrolled("p-2", 10, "2024/25", SEPTEMBER_2020), enrolled("p-3", 11, "2024/25", SEPTEMBER_2020),
                        new PupilLeft(SCHOOL, "p-3", "2024/25", LocalDate.of(2025, 8, 31)),
                        new AcademicYearStarted(SCHOOL, "2025/26", "2024/25"))
                // 2026/27 straight after 2025/26's roll: p-2 (Year 11 in 2025/26) finished; p-1 left this term.
                .when(upload(YEAR, NOVEMBER, entry("p-4", 7)))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", "2025/26", LocalDate.of(2026, 8, 31)),
                        new AcademicYearStarted(SCHOOL, YEAR, "2025/26"),
                        enrolled("p-4", 7, YEAR),
                        new PupilLeft(SCHOOL, "p-1", YEAR, NOVEMBER))
                .expectResultMessagePayload(new RollReconciled(1, 1, 0, 0));
    }

    @Test
    void aNewAcademicYearMovesPupilsUpAndTheFinalYearLeavesOnThe31stOfAugust() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 11, YEAR), enrolled("p-3", 10, YEAR))
                .when(new StartAcademicYear(ROLL, SCHOOL, NEXT_YEAR, SEVEN_TO_ELEVEN))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                .expectState(roll -> assertThat(yearGroups(roll)).containsExactly("p-1=8", "p-3=11"));
    }

    @Test
    void inASchoolWithASixthFormYear13LeavesAndYear11MovesUp() {
        fixture.given(opened(), enrolled("p-1", 11, YEAR), enrolled("p-2", 13, YEAR))
                .when(new StartAcademicYear(ROLL, SCHOOL, NEXT_YEAR, SEVEN_TO_THIRTEEN))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                .expectState(roll -> assertThat(yearGroups(roll)).containsExactly("p-1=12"));
    }

    @Test
    void startingTheYearTheRollIsInAlreadyDoesNothing() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR))
                .when(new StartAcademicYear(ROLL, SCHOOL, YEAR, SEVEN_TO_ELEVEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void startingANewYearTwiceMovesPupilsUpOnce() {
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 11, YEAR),
                        new PupilLeft(SCHOOL, "p-2", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                .when(new StartAcademicYear(ROLL, SCHOOL, NEXT_YEAR, SEVEN_TO_ELEVEN))
                .expectNoEvents()
                .expectState(roll -> assertThat(yearGroups(roll)).containsExactly("p-1=8"));
    }

    @Test
    void aRollLeftAloneForTwoYearsRecordsEachYearsLeavers() {
        fixture.given(opened(), enrolled("p-1", 10, YEAR), enrolled("p-2", 11, YEAR))
                .when(new StartAcademicYear(ROLL, SCHOOL, "2028/29", SEVEN_TO_ELEVEN))
                .expectEvents(new PupilLeft(SCHOOL, "p-2", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR),
                        new PupilLeft(SCHOOL, "p-1", NEXT_YEAR, LocalDate.of(2028, 8, 31)),
                        new AcademicYearStarted(SCHOOL, "2028/29", NEXT_YEAR));
    }

    @Test
    void anUploadAfterTheRolloverReconcilesWithTheAdvancedRoll() {
        LocalDate september2027 = LocalDate.of(2027, 9, 8);
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-2", 9, YEAR), enrolled("p-3", 11, YEAR),
                        new PupilLeft(SCHOOL, "p-3", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                // p-1 is in Year 8 as the rollover said; p-2 left over the summer; p-4 joined in Year 7.
                .when(upload(NEXT_YEAR, september2027, entry("p-1", 8), entry("p-4", 7)))
                .expectEvents(enrolled("p-4", 7, NEXT_YEAR), new PupilLeft(SCHOOL, "p-2", NEXT_YEAR, september2027))
                .expectResultMessagePayload(new RollReconciled(1, 1, 0, 1));
    }

    @Test
    void anUploadForTheNextYearBeforeTheRolloverRunsMovesTheRollOnFirst() {
        LocalDate july = LocalDate.of(2027, 7, 15);
        fixture.given(opened(), enrolled("p-1", 7, YEAR), enrolled("p-3", 11, YEAR))
                .when(upload(NEXT_YEAR, july, entry("p-1", 8)))
                .expectEvents(new PupilLeft(SCHOOL, "p-3", YEAR, LocalDate.of(2027, 8, 31)),
                        new AcademicYearStarted(SCHOOL, NEXT_YEAR, YEAR))
                .expectResultMessagePayload(new RollReconciled(0, 0, 0, 1));
    }

    private static List<String> yearGroups(Roll roll) {
        return roll.yearGroupsOnRoll().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static Matcher<ProblemException> withErrors(ProblemException.FieldError... errors) {
        return new FeatureMatcher<>(Matchers.contains(errors), "a problem with errors", "errors") {
            @Override
            protected List<ProblemException.FieldError> featureValueOf(ProblemException actual) {
                return actual.errors();
            }
        };
    }
}
