package uk.encounters.encounter.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.board.Board.BoardShoutOut;
import uk.encounters.encounter.fakes.FakeBoard;
import uk.encounters.encounter.fakes.FakeEmployers;
import uk.encounters.encounter.fakes.Problems;
import uk.encounters.platform.web.ProblemException;

class OfferTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 1, 11);
    private static final LocalDate END = LocalDate.of(2027, 2, 12);

    private FixtureConfiguration<Offer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Offer.class);
        fixture.registerInjectableResource(new FakeEmployers().with("e-1", "Finance", EmployerSize.LARGE));
        fixture.registerInjectableResource(new FakeBoard()
                .with(shoutOut("so-1", "OPEN"))
                .with(shoutOut("so-filled", "FILLED")));
    }

    @Test
    void anEmployerOffersADateInsideTheShoutOutsWindow() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-1", LocalDate.of(2027, 1, 20), " Ten of us can come ", NOW))
                .expectEvents(offered());
    }

    @Test
    void theFirstAndLastDaysOfTheWindowCanBeProposed() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-1", END, null, NOW))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-2", "e-1", "so-1", START, null, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotProposeADateOutsideTheShoutOutsWindow() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-1", END.plusDays(1), null, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("The school asked for a date from 2027-01-11 to 2027-02-12; 2027-02-13 is "
                        + "outside it.")
                .expectNoEvents();
    }

    @Test
    void cannotOfferWithoutAProposedDate() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-1", null, null, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Propose a date for the activity.")
                .expectNoEvents();
    }

    @Test
    void cannotOfferForAShoutOutThatIsNoLongerOpen() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-filled", LocalDate.of(2027, 1, 20), null, NOW))
                .expectException(ProblemException.class)
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectExceptionMessage("This shout-out is filled and takes no more offers.")
                .expectNoEvents();
    }

    @Test
    void cannotOfferForAShoutOutThatIsNotOnTheBoard() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-1", "so-unknown", LocalDate.of(2027, 1, 20), null, NOW))
                .expectException(ProblemException.class)
                .expectException(Problems.withStatus(HttpStatus.NOT_FOUND))
                .expectExceptionMessage("There is no shout-out with id so-unknown on the board.")
                .expectNoEvents();
    }

    @Test
    void anUnknownEmployerCannotOffer() {
        fixture.givenNoPriorActivity()
                .when(new OfferForShoutOut("o-1", "e-unknown", "so-1", LocalDate.of(2027, 1, 20), null, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("There is no employer with id e-unknown.")
                .expectNoEvents();
    }

    @Test
    void anEmployerOffersAnActivityOfItsOwnToNoSchoolInParticular() {
        fixture.givenNoPriorActivity()
                .when(new OfferOwnActivity("o-2", "e-1", ActivityType.VIRTUAL_WORK_EXPERIENCE, " A week in a bank ",
                        LocalDate.of(2027, 3, 1), 200, DeliveryMode.VIRTUAL, NOW))
                .expectEvents(new EmployerOffered("o-2", "e-1", null, null, LocalDate.of(2027, 3, 1), null,
                        ActivityType.VIRTUAL_WORK_EXPERIENCE, "A week in a bank", 200, DeliveryMode.VIRTUAL, null,
                        NOW));
    }

    @Test
    void anOwnActivityNeedsItsTypeTitleFutureDatePlacesAndMode() {
        fixture.givenNoPriorActivity()
                .when(new OfferOwnActivity("o-2", "e-1", null, " ", LocalDate.of(2026, 11, 1), 0, null, NOW))
                .expectException(ProblemException.class)
                .expectException(Problems.naming("activityType", "title", "date", "places", "mode"))
                .expectNoEvents();
    }

    @Test
    void anEmployerWithdrawsAnOfferTheSchoolHasNotAnswered() {
        fixture.given(offered())
                .when(new WithdrawOffer("o-1", "Our volunteer is ill", NOW))
                .expectEvents(new OfferWithdrawn("o-1", "e-1", "so-1", "s-1", "Our volunteer is ill", NOW));
    }

    @Test
    void cannotWithdrawAnOfferTheSchoolHasAccepted() {
        fixture.given(offered(), new OfferAccepted("o-1", "s-1", NOW))
                .when(new WithdrawOffer("o-1", null, NOW))
                .expectException(ProblemException.class)
                .expectException(Problems.withStatus(HttpStatus.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAnOfferTwice() {
        fixture.given(offered(), new OfferWithdrawn("o-1", "e-1", "so-1", "s-1", null, NOW))
                .when(new WithdrawOffer("o-1", null, NOW))
                .expectExceptionMessage("This offer was withdrawn already.")
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAnOfferTheSchoolDeclined() {
        fixture.given(offered(), new OfferDeclined("o-1", "s-1", "We found someone", NOW))
                .when(new WithdrawOffer("o-1", null, NOW))
                .expectExceptionMessage("The school has declined this offer already.")
                .expectNoEvents();
    }

    @Test
    void theSchoolsAcceptanceIsRecordedAndGivesTheTermsToScheduleOn() {
        fixture.given(offered())
                .when(new AcceptOffer("o-1", "s-1", "so-1", NOW))
                .expectEvents(new OfferAccepted("o-1", "s-1", NOW))
                .expectResultMessagePayload(Optional.of(terms()));
    }

    @Test
    void aRepeatedAcceptanceChangesNothingButGivesTheTermsAgain() {
        fixture.given(offered(), new OfferAccepted("o-1", "s-1", NOW))
                .when(new AcceptOffer("o-1", "s-1", "so-1", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.of(terms()));
    }

    @Test
    void anAcceptanceThatArrivesAfterTheEmployerWithdrewSchedulesNothing() {
        fixture.given(offered(), new OfferWithdrawn("o-1", "e-1", "so-1", "s-1", null, NOW))
                .when(new AcceptOffer("o-1", "s-1", "so-1", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void anAcceptanceNamingAnotherSchoolIsIgnored() {
        fixture.given(offered())
                .when(new AcceptOffer("o-1", "s-other", "so-1", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void theSchoolsRefusalIsRecordedOnce() {
        fixture.given(offered())
                .when(new DeclineOffer("o-1", "s-1", "We found someone", NOW))
                .expectEvents(new OfferDeclined("o-1", "s-1", "We found someone", NOW));
        fixture.given(offered(), new OfferDeclined("o-1", "s-1", "We found someone", NOW))
                .when(new DeclineOffer("o-1", "s-1", "We found someone", NOW))
                .expectNoEvents();
    }

    private static EmployerOffered offered() {
        return new EmployerOffered("o-1", "e-1", "so-1", "s-1", LocalDate.of(2027, 1, 20), "Ten of us can come",
                ActivityType.MOCK_INTERVIEWS, "Mock interviews for Year 11", 30, DeliveryMode.IN_PERSON,
                "Main hall TS17 6AB", NOW);
    }

    private static AcceptedOffer terms() {
        return new AcceptedOffer("o-1", "e-1", "s-1", "so-1", ActivityType.MOCK_INTERVIEWS, LocalDate.of(2027, 1, 20),
                DeliveryMode.IN_PERSON, "Main hall TS17 6AB");
    }

    private static BoardShoutOut shoutOut(String id, String status) {
        return new BoardShoutOut(id, "s-1", "Mock interviews for Year 11", ActivityType.MOCK_INTERVIEWS, 30, START, END,
                DeliveryMode.IN_PERSON, "Main hall TS17 6AB", status);
    }
}
