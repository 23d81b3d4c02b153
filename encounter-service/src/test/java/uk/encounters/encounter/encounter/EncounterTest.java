package uk.encounters.encounter.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.contracts.encounter.CancelledBy;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.board.Board.BoardShoutOut;
import uk.encounters.encounter.fakes.FakeBoard;
import uk.encounters.encounter.fakes.FakeEmployers;
import uk.encounters.encounter.fakes.FakeOffers;
import uk.encounters.encounter.fakes.FakeRoster;
import uk.encounters.encounter.fakes.Problems;
import uk.encounters.platform.web.ProblemException;

class EncounterTest {

    /** A Monday in 2026/27, so recordings default to the 2024 framework. */
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate HELD = LocalDate.of(2026, 10, 15);
    private static final LocalDate ADMITTED = LocalDate.of(2022, 9, 1);

    private FixtureConfiguration<Encounter> fixture;
    private FakeRoster roster;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Encounter.class);
        roster = new FakeRoster()
                .enrolled("p-1", "s-1", ADMITTED)
                .enrolled("p-2", "s-1", ADMITTED)
                .enrolled("p-3", "s-1", ADMITTED)
                .enrolled("p-elsewhere", "s-2", ADMITTED)
                .enrolled("p-joined-later", "s-1", LocalDate.of(2026, 10, 20))
                .enrolled("p-left-before", "s-1", ADMITTED, LocalDate.of(2026, 7, 20))
                .enrolled("p-left-that-day", "s-1", ADMITTED, HELD);
        fixture.registerInjectableResource(roster);
        fixture.registerInjectableResource(new FakeEmployers().with("e-1", "Finance", EmployerSize.LARGE)
                .with("e-2", "Retail", EmployerSize.SMALL));
        fixture.registerInjectableResource(new FakeOffers()
                .with("o-1", "e-1", "s-1", "so-1")
                .with("o-own", "e-1", null, null)
                .with("o-other-school", "e-1", "s-2", "so-2"));
        fixture.registerInjectableResource(new FakeBoard()
                .with(shoutOut("so-1", "s-1"))
                .with(shoutOut("so-2", "s-2")));
    }

    // --- recording directly, and the checklist under each framework

    @Test
    void anEncounterIsRecordedWithTheChecklistEvaluatedUnderThe2024FrameworkFrom2025To26() {
        fixture.givenNoPriorActivity()
                .when(talk().build())
                .expectEvents(recorded(talk(), List.of(Benchmark.GB5), "2026/27", Map.of(Benchmark.GB5, true),
                        FrameworkVersion.V2024));
    }

    @Test
    void theFirstDayOf2025To26IsUnderThe2024FrameworkAndTheDayBeforeUnderThe2014One() {
        Map<String, Boolean> answers2014 = ChecklistTest.allOf(ChecklistItem.required(Benchmark.GB5,
                FrameworkVersion.V2014), true);
        Recording lastDayOf2014 = talk().date(LocalDate.of(2025, 8, 31)).checklist(answers2014);
        fixture.givenNoPriorActivity()
                .when(lastDayOf2014.build())
                .expectEvents(recorded(lastDayOf2014, List.of(Benchmark.GB5), "2024/25", Map.of(Benchmark.GB5, true),
                        FrameworkVersion.V2014));

        // The 2014 list (ACTIVE_PARTICIPATION) is not a 2024 list: the same answers a day later are refused.
        fixture.givenNoPriorActivity()
                .when(talk().date(LocalDate.of(2025, 9, 1)).checklist(answers2014).build())
                .expectException(Problems.naming("checklist.ACTIVE_PARTICIPATION"))
                .expectNoEvents();
    }

    @Test
    void underThe2014FrameworkAWorkplaceVisitNeedsTheFive2014Gb6Items() {
        Map<String, Boolean> answers = ChecklistTest.allOf(ChecklistItem.required(Benchmark.GB6, FrameworkVersion.V2014),
                true);
        answers.put("EMPLOYER_FEEDBACK", false);
        Recording visit = talk().activity(ActivityType.WORKPLACE_VISIT).benchmarks(Set.of(Benchmark.GB6))
                .date(LocalDate.of(2024, 3, 14))
                .checklist(answers);
        fixture.givenNoPriorActivity()
                .when(visit.build())
                .expectEvents(recorded(visit, List.of(Benchmark.GB6), "2023/24", Map.of(Benchmark.GB6, false),
                        FrameworkVersion.V2014));
    }

    @Test
    void benchmarksDefaultFromTheActivityTypeWhenNoneAreGiven() {
        Recording visit = talk().activity(ActivityType.WORKPLACE_VISIT).benchmarks(null);
        fixture.givenNoPriorActivity()
                .when(visit.build())
                .expectEvents(recorded(visit, List.of(Benchmark.GB6), "2026/27", Map.of(Benchmark.GB6, false),
                        FrameworkVersion.V2024));
    }

    @Test
    void anEncounterTaggedWithBothBenchmarksIsEvaluatedForEach() {
        Recording both = talk().benchmarks(Set.of(Benchmark.GB6, Benchmark.GB5));
        fixture.givenNoPriorActivity()
                .when(both.build())
                .expectEvents(recorded(both, List.of(Benchmark.GB5, Benchmark.GB6), "2026/27",
                        Map.of(Benchmark.GB5, true, Benchmark.GB6, false), FrameworkVersion.V2024));
    }

    @Test
    void aChecklistWithAnItemUnmetIsRecordedAsNotMeaningful() {
        Map<String, Boolean> answers = gb5In2024();
        answers.put("REFLECTION", false);
        Recording unreflected = talk().checklist(answers);
        fixture.givenNoPriorActivity()
                .when(unreflected.build())
                .expectEvents(recorded(unreflected, List.of(Benchmark.GB5), "2026/27", Map.of(Benchmark.GB5, false),
                        FrameworkVersion.V2024));
    }

    @Test
    void checklistCodesOutsideTheFrameworkAreRejectedAndNamed() {
        Map<String, Boolean> answers = gb5In2024();
        answers.put("ACTIVE_PARTICIPATION", true);
        answers.put("FUN_HAD", true);
        fixture.givenNoPriorActivity()
                .when(talk().checklist(answers).build())
                .expectException(Problems.naming("checklist.ACTIVE_PARTICIPATION", "checklist.FUN_HAD"))
                .expectException(Problems.withStatus(HttpStatus.UNPROCESSABLE_CONTENT))
                .expectNoEvents();
    }

    // --- the register

    @Test
    void aRegisterOfAWholeSchoolIsAccepted() {
        List<String> pupils = IntStream.range(0, 2_000).mapToObj(i -> "pupil-" + i).toList();
        pupils.forEach(id -> roster.enrolled(id, "s-1", ADMITTED));
        fixture.givenNoPriorActivity()
                .when(talk().attendees(pupils).build())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(
                                        e -> e instanceof EncounterRecorded r && r.attendees().size() == 2_000))));
    }

    @Test
    void aPupilWhoLeftOnTheDayWasStillOnRoll() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-left-that-day")).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void pupilsNotOnRollThatDayAreRejectedByIdAndNothingIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-joined-later", "p-left-before")).build())
                .expectException(Problems.withStatus(HttpStatus.UNPROCESSABLE_CONTENT))
                .expectException(Problems.naming("attendees", "attendees"))
                .expectException(Problems.mentioning("p-joined-later was not on this school's roll on 2026-10-15",
                        "p-left-before was not on this school's roll on 2026-10-15"))
                .expectNoEvents();
    }

    @Test
    void anotherSchoolsPupilIsAnsweredAsAnIdNeverSeen() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-elsewhere")).build())
                .expectException(RetryableProblem.class)
                .expectException(Problems.mentioning(
                        "p-elsewhere is not on this school's roll as far as this service knows (yet)."))
                .expectNoEvents();
    }

    @Test
    void repeatedPupilsAreNamedOnce() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-2", "p-1", "p-1")).build())
                .expectException(Problems.naming("attendees"))
                .expectException(Problems.mentioning("p-1 is listed more than once."))
                .expectNoEvents();
    }

    @Test
    void anEmptyRegisterIsRejected() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of()).build())
                .expectException(Problems.mentioning("List the pupils who took part."))
                .expectNoEvents();
    }

    @Test
    void pupilsNoRollHasMentionedYetMakeARetryableConflictAndNothingIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-brand-new", "p-also-new")).build())
                .expectException(RetryableProblem.class)
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectException(Problems.mentioning("p-brand-new", "p-also-new"))
                .expectNoEvents();
    }

    @Test
    void aPupilNotYetSeenIsAcceptedOnceTheRosterKnowsThem() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-brand-new")).build())
                .expectException(RetryableProblem.class);
        roster.enrolled("p-brand-new", "s-1", ADMITTED);
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-1", "p-brand-new")).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void pupilsNotYetSeenAlongsideRealMistakesAreListedWithThemAsUnprocessable() {
        fixture.givenNoPriorActivity()
                .when(talk().attendees(List.of("p-left-before", "p-brand-new")).build())
                .expectException(Problems.withStatus(HttpStatus.UNPROCESSABLE_CONTENT))
                .expectException(Problems.mentioning("p-left-before", "p-brand-new is not on this school's roll"))
                .expectNoEvents();
    }

    // --- the other fields

    @Test
    void anEncounterCannotBeRecordedBeforeItHasTakenPlace() {
        fixture.givenNoPriorActivity()
                .when(talk().date(LocalDate.of(2026, 11, 3)).build())
                .expectException(Problems.naming("date"))
                .expectNoEvents();
    }

    @Test
    void todayIsTodayInEnglandNotInUtc() {
        // 23:30 UTC on 31 October in summer time would be 1 November in London; in November London is on UTC.
        Instant lateEvening = Instant.parse("2026-07-14T23:30:00Z");
        fixture.givenNoPriorActivity()
                .when(talk().date(LocalDate.of(2026, 7, 15)).recordedAt(lateEvening)
                        .checklist(Map.of()).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void hoursOutsideAQuarterOfAnHourToFortyAreRejected() {
        for (String hours : List.of("0.24", "40.01", "0", "-1", "0.333")) {
            fixture.givenNoPriorActivity()
                    .when(talk().hours(new BigDecimal(hours)).build())
                    .expectException(Problems.naming("hours"))
                    .expectNoEvents();
        }
        for (String hours : List.of("0.25", "40", "37.50")) {
            fixture.givenNoPriorActivity()
                    .when(talk().hours(new BigDecimal(hours)).build())
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void anUnknownEmployerIsRejectedByName() {
        fixture.givenNoPriorActivity()
                .when(talk().employer("e-unknown").build())
                .expectException(Problems.naming("employerId"))
                .expectException(Problems.mentioning("There is no employer with id e-unknown."))
                .expectNoEvents();
    }

    @Test
    void missingActivityModeDateAndHoursAreEachNamed() {
        fixture.givenNoPriorActivity()
                .when(talk().activity(null).mode(null).date(null).hours(null).build())
                .expectException(Problems.naming("activityType", "mode", "date", "hours"))
                .expectNoEvents();
    }

    @Test
    void anOfferOrShoutOutGivenMustBeThisSchoolsAndEmployers() {
        // Another school's offer reads exactly like one that does not exist.
        fixture.givenNoPriorActivity()
                .when(talk().offer("o-other-school").build())
                .expectException(Problems.mentioning("There is no offer with id o-other-school."))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(talk().offer("o-unknown").build())
                .expectException(Problems.naming("offerId"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(talk().shoutOut("so-2").build())
                .expectException(Problems.mentioning("Shout-out so-2 is another school's."))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(talk().offer("o-own").shoutOut("so-1").build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anEmployersOwnActivityNamedWithAnotherEmployerReadsLikeAMissingOffer() {
        fixture.givenNoPriorActivity()
                .when(talk().employer("e-2").offer("o-own").build())
                .expectException(Problems.naming("offerId"))
                .expectException(Problems.mentioning("There is no offer with id o-own."))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(talk().employer("e-2").offer("o-1").build())
                .expectException(Problems.mentioning("Offer o-1 was made by another employer."))
                .expectNoEvents();
    }

    @Test
    void anEncounterCannotBeRecordedTwice() {
        fixture.given(recorded(talk(), List.of(Benchmark.GB5), "2026/27", Map.of(Benchmark.GB5, true),
                        FrameworkVersion.V2024))
                .when(talk().build())
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    // --- scheduled encounters

    @Test
    void anAcceptedOfferSchedulesAnEncounter() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleEncounter("enc-1", "s-1", "e-1", "so-1", "o-1", ActivityType.MOCK_INTERVIEWS,
                        LocalDate.of(2026, 11, 20), DeliveryMode.IN_PERSON, "Main hall", NOW))
                .expectEvents(scheduled());
    }

    @Test
    void recordingAScheduledEncounterCompletesItWithTheOfferAndShoutOutItWasScheduledFor() {
        Recording completion = talk().activity(null).mode(null).location(null);
        fixture.given(scheduled())
                .when(completion.build())
                .expectEvents(new EncounterRecorded("enc-1", "s-1", "e-1", "Finance", EmployerSize.LARGE, "so-1", "o-1",
                        ActivityType.MOCK_INTERVIEWS, List.of(Benchmark.GB5), HELD, "2026/27", new BigDecimal("1.5"),
                        DeliveryMode.IN_PERSON, "Main hall", null, completion.attendees, completion.checklist,
                        Map.of(Benchmark.GB5, true), FrameworkVersion.V2024, NOW));
    }

    @Test
    void aScheduledEncounterIsRecordedOnlyByItsSchoolWithItsEmployer() {
        fixture.given(scheduled())
                .when(talk().school("s-2").attendees(List.of("p-elsewhere")).build())
                .expectException(Problems.mentioning("This encounter was scheduled with another school."))
                .expectNoEvents();
    }

    @Test
    void theEmployerCancelsAScheduledEncounterAndTheNoticeIsKept() {
        fixture.given(scheduled())
                .when(new CancelEncounter("enc-1", CancelledBy.EMPLOYER, "Volunteer unwell", NOW))
                .expectEvents(new EncounterCancelled("enc-1", "s-1", "e-1", CancelledBy.EMPLOYER, "Volunteer unwell",
                        LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 2)))
                .expectResultMessagePayload(18L);
    }

    @Test
    void aCancellationSaysWhoCancelledAndWhy() {
        fixture.given(scheduled())
                .when(new CancelEncounter("enc-1", null, " ", NOW))
                .expectException(Problems.naming("cancelledBy", "reason"))
                .expectNoEvents();
    }

    @Test
    void aCancelledEncounterCannotBeCancelledAgainNorRecorded() {
        EncounterCancelled cancelled = new EncounterCancelled("enc-1", "s-1", "e-1", CancelledBy.SCHOOL, "Snow",
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));
        fixture.given(scheduled(), cancelled)
                .when(new CancelEncounter("enc-1", CancelledBy.SCHOOL, "Snow", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
        fixture.given(scheduled(), cancelled)
                .when(talk().build())
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void anEncounterThatTookPlaceCannotBeCancelled() {
        fixture.given(scheduled(), recorded(talk(), List.of(Benchmark.GB5), "2026/27", Map.of(Benchmark.GB5, true),
                        FrameworkVersion.V2024))
                .when(new CancelEncounter("enc-1", CancelledBy.SCHOOL, "Changed our mind", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    // --- corrections

    @Test
    void aCorrectedRegisterReplacesTheOldOneWithItsReason() {
        fixture.given(recordedTalk())
                .when(new CorrectAttendance("enc-1", List.of("p-1", "p-3"), "p-2 was absent", NOW))
                .expectEvents(new AttendanceCorrected("enc-1", "s-1", List.of("p-1", "p-3"), "p-2 was absent", NOW));
    }

    @Test
    void aCorrectedRegisterFollowsTheSameRulesAsTheFirst() {
        fixture.given(recordedTalk())
                .when(new CorrectAttendance("enc-1", List.of("p-1", "p-elsewhere", "p-1"), "Added a pupil", NOW))
                .expectException(Problems.withStatus(HttpStatus.UNPROCESSABLE_CONTENT))
                .expectException(Problems.mentioning("p-1 is listed more than once."))
                .expectNoEvents();
        fixture.given(recordedTalk())
                .when(new CorrectAttendance("enc-1", List.of("p-1", "p-left-before"), "Added a pupil", NOW))
                .expectException(Problems.mentioning("p-left-before was not on this school's roll on"))
                .expectNoEvents();
        fixture.given(recordedTalk())
                .when(new CorrectAttendance("enc-1", List.of("p-1", "p-elsewhere"), "Added a pupil", NOW))
                .expectException(RetryableProblem.class)
                .expectNoEvents();
        fixture.given(recordedTalk())
                .when(new CorrectAttendance("enc-1", List.of("p-1"), null, NOW))
                .expectException(Problems.naming("reason"))
                .expectNoEvents();
    }

    @Test
    void aScheduledEncounterHasNoRegisterToCorrect() {
        fixture.given(scheduled())
                .when(new CorrectAttendance("enc-1", List.of("p-1"), "Typo", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aRecordedEncounterIsWithdrawnWithAReason() {
        fixture.given(recordedTalk())
                .when(new WithdrawEncounter("enc-1", "Recorded against the wrong school", NOW))
                .expectEvents(new EncounterWithdrawn("enc-1", "s-1", "Recorded against the wrong school", NOW));
        fixture.given(recordedTalk())
                .when(new WithdrawEncounter("enc-1", "", NOW))
                .expectException(Problems.naming("reason"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnEncounterCannotChangeAnyMore() {
        EncounterWithdrawn withdrawn = new EncounterWithdrawn("enc-1", "s-1", "Wrong school", NOW);
        fixture.given(recordedTalk(), withdrawn)
                .when(new WithdrawEncounter("enc-1", "Again", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
        fixture.given(recordedTalk(), withdrawn)
                .when(new OverrideMeaningfulness("enc-1", Benchmark.GB5, false, "Reason", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
        fixture.given(recordedTalk(), withdrawn)
                .when(new CorrectAttendance("enc-1", List.of("p-1"), "Reason", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aScheduledEncounterIsCancelledNotWithdrawn() {
        fixture.given(scheduled())
                .when(new WithdrawEncounter("enc-1", "Not happening", NOW))
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aCareersLeaderOverridesTheResultForATaggedBenchmarkWithAReason() {
        fixture.given(recordedTalk())
                .when(new OverrideMeaningfulness("enc-1", Benchmark.GB5, false, "Pupils were not engaged", NOW))
                .expectEvents(new MeaningfulnessOverridden("enc-1", "s-1", Benchmark.GB5, false,
                        "Pupils were not engaged", NOW));
    }

    @Test
    void anOverrideIsOnlyForATaggedBenchmarkAndNeedsAReasonAndAnAnswer() {
        fixture.given(recordedTalk())
                .when(new OverrideMeaningfulness("enc-1", Benchmark.GB6, true, "It felt like a workplace", NOW))
                .expectException(Problems.naming("benchmark"))
                .expectException(Problems.mentioning("This encounter is tagged [GB5], not GB6."))
                .expectNoEvents();
        fixture.given(recordedTalk())
                .when(new OverrideMeaningfulness("enc-1", Benchmark.GB5, null, " ", NOW))
                .expectException(Problems.naming("meaningful", "reason"))
                .expectNoEvents();
    }

    @Test
    void theRecordedEventKeepsTheAnswersAsGiven() {
        Map<String, Boolean> answers = gb5In2024();
        answers.put("EMPLOYER_SET_TASK", false);
        Recording talk = talk().checklist(answers);
        fixture.givenNoPriorActivity()
                .when(talk.build())
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof EncounterRecorded r
                                        && r.checklist().equals(answers)
                                        && r.meaningful().equals(Map.of(Benchmark.GB5, true))))));
        assertThat(answers).containsEntry("EMPLOYER_SET_TASK", false);
    }

    // --- helpers

    private static Map<String, Boolean> gb5In2024() {
        return ChecklistTest.allOf(ChecklistItem.required(Benchmark.GB5, FrameworkVersion.V2024), true);
    }

    private static EncounterScheduled scheduled() {
        return new EncounterScheduled("enc-1", "s-1", "e-1", "so-1", "o-1", ActivityType.MOCK_INTERVIEWS,
                LocalDate.of(2026, 11, 20), DeliveryMode.IN_PERSON, "Main hall", NOW);
    }

    private static EncounterRecorded recordedTalk() {
        return recorded(talk(), List.of(Benchmark.GB5), "2026/27", Map.of(Benchmark.GB5, true), FrameworkVersion.V2024);
    }

    private static EncounterRecorded recorded(Recording r, List<Benchmark> benchmarks, String academicYear,
                                              Map<Benchmark, Boolean> meaningful, FrameworkVersion framework) {
        return new EncounterRecorded(r.encounterId, r.schoolId, r.employerId, "Finance", EmployerSize.LARGE,
                r.shoutOutId, r.offerId, r.activity, benchmarks, r.date, academicYear, r.hours, r.mode, r.location,
                r.curriculumArea, r.attendees, r.checklist, meaningful, framework, r.recordedAt);
    }

    private static BoardShoutOut shoutOut(String id, String schoolId) {
        return new BoardShoutOut(id, schoolId, "Careers talk", ActivityType.CAREERS_TALK, 30, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 1), DeliveryMode.IN_PERSON, null, "OPEN");
    }

    /** A careers talk held on 15 October 2026 with a met 2024 GB5 checklist; tests change what they are about. */
    private static Recording talk() {
        return new Recording();
    }

    static final class Recording {
        String encounterId = "enc-1";
        String schoolId = "s-1";
        String employerId = "e-1";
        String shoutOutId;
        String offerId;
        ActivityType activity = ActivityType.CAREERS_TALK;
        Set<Benchmark> benchmarks = Set.of(Benchmark.GB5);
        LocalDate date = HELD;
        BigDecimal hours = new BigDecimal("1.5");
        DeliveryMode mode = DeliveryMode.IN_PERSON;
        String location = "Library";
        String curriculumArea;
        List<String> attendees = List.of("p-1", "p-2", "p-3");
        Map<String, Boolean> checklist = new LinkedHashMap<>(gb5In2024());
        Instant recordedAt = NOW;

        Recording school(String value) { schoolId = value; return this; }
        Recording employer(String value) { employerId = value; return this; }
        Recording shoutOut(String value) { shoutOutId = value; return this; }
        Recording offer(String value) { offerId = value; return this; }
        Recording activity(ActivityType value) { activity = value; return this; }
        Recording benchmarks(Set<Benchmark> value) { benchmarks = value; return this; }
        Recording date(LocalDate value) { date = value; return this; }
        Recording hours(BigDecimal value) { hours = value; return this; }
        Recording mode(DeliveryMode value) { mode = value; return this; }
        Recording location(String value) { location = value; return this; }
        Recording attendees(List<String> value) { attendees = new ArrayList<>(value); return this; }
        Recording checklist(Map<String, Boolean> value) { checklist = new LinkedHashMap<>(value); return this; }
        Recording recordedAt(Instant value) { recordedAt = value; return this; }

        RecordEncounter build() {
            return new RecordEncounter(encounterId, schoolId, employerId, shoutOutId, offerId, activity, benchmarks,
                    date, hours, mode, location, curriculumArea, attendees, checklist, recordedAt);
        }
    }
}
