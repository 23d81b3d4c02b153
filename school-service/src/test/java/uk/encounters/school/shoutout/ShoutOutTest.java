package uk.encounters.school.shoutout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.platform.web.ProblemException;

/** The life of a posted shout-out: edits, offers, acceptance, and the three ways it closes. */
class ShoutOutTest {

    private static final Instant POSTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2027, 1, 11);
    private static final LocalDate END = LocalDate.of(2027, 2, 12);
    private static final String FILLED_REASON = "Other employers' offers have filled every place on this shout-out,"
            + " so the school cannot take this one up. Thank you for offering.";
    private static final String EXPIRED_REASON = "This shout-out closed when its end date, 12 February 2027, passed;"
            + " the school can no longer take up offers on it.";
    private static final String WITHDRAWN_REASON = "The school has withdrawn this shout-out, so it no longer needs"
            + " offers.";

    private FixtureConfiguration<ShoutOut> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ShoutOut.class);
        fixture.registerInjectableResource((TaughtYearGroups) schoolId -> Set.of(7, 8, 9, 10, 11));
    }

    // Editing

    @Test
    void theSchoolEditsAnOpenShoutOut() {
        fixture.given(posted(30))
                .when(change(List.of(11, 10), 25, START, END.plusDays(7)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ShoutOutStatus.OPEN)
                .expectEvents(new ShoutOutChanged("so-1", "s-1", "Mock interviews", "Twenty minutes each",
                        ActivityType.MOCK_INTERVIEWS, List.of("Finance"), List.of(10, 11), 25, START, END.plusDays(7),
                        DeliveryMode.HYBRID, "Main hall", NOW));
    }

    @Test
    void cannotEditAShoutOutSoItEndsBeforeItStarts() {
        fixture.given(posted(30))
                .when(change(List.of(11), 30, END, START))
                .expectException(ProblemException.class)
                .expectExceptionMessage("The end date is before the start date.")
                .expectNoEvents();
    }

    @Test
    void cannotEditAShoutOutForYearGroupsTheSchoolDoesNotTeach() {
        fixture.given(posted(30))
                .when(change(List.of(11, 12), 30, START, END))
                .expectException(ProblemException.class)
                .expectExceptionMessage("This school does not teach year group(s) [12]; it teaches [7, 8, 9, 10, 11].")
                .expectNoEvents();
    }

    @Test
    void cannotEditAWithdrawnShoutOut() {
        fixture.given(posted(30), withdrawn())
                .when(change(List.of(11), 30, START, END))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 has been withdrawn, so it can no longer be edited.")
                .expectNoEvents();
    }

    @Test
    void cannotEditAnExpiredShoutOut() {
        fixture.given(posted(30), new ShoutOutExpired("so-1", "s-1", END, 30, END.plusDays(1)))
                .when(change(List.of(11), 30, START, END))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 expired when its end date passed, so it can no longer be edited.")
                .expectNoEvents();
    }

    @Test
    void cannotEditAFilledShoutOut() {
        fixture.given(posted(10), received("o-1", 10), accepted("o-1", 10), filled("o-1"))
                .when(change(List.of(11), 20, START, END))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 is filled, so it can no longer be edited.")
                .expectNoEvents();
    }

    @Test
    void cannotCutPlacesBelowThoseAcceptedOffersCover() {
        fixture.given(posted(30), received("o-1", 12), accepted("o-1", 12))
                .when(change(List.of(11), 10, START, END))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Accepted offers cover 12 places already; places cannot go below that.")
                .expectNoEvents();
    }

    @Test
    void cuttingPlacesToThoseAcceptedOffersCoverFillsTheShoutOut() {
        fixture.given(posted(30), received("o-1", 12), accepted("o-1", 12), received("o-2", 5))
                .when(change(List.of(11), 12, START, END))
                .expectResultMessagePayload(ShoutOutStatus.FILLED)
                .expectEvents(new ShoutOutChanged("so-1", "s-1", "Mock interviews", "Twenty minutes each",
                                ActivityType.MOCK_INTERVIEWS, List.of("Finance"), List.of(11), 12, START, END,
                                DeliveryMode.HYBRID, "Main hall", NOW),
                        filledAt("o-1", NOW),
                        declined("o-2", FILLED_REASON, true));
    }

    // Withdrawing

    @Test
    void withdrawingDeclinesPendingOffersWithAReasonTheEmployerCanRead() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10), received("o-2", 5))
                .when(new WithdrawShoutOut("so-1", " Exams moved ", NOW))
                .expectResultMessagePayload(ShoutOutStatus.WITHDRAWN)
                .expectEvents(new ShoutOutWithdrawn("so-1", "s-1", "Exams moved", NOW),
                        declined("o-2", WITHDRAWN_REASON + " The school said: Exams moved", true));
    }

    @Test
    void cannotWithdrawAShoutOutTwice() {
        fixture.given(posted(30), withdrawn())
                .when(new WithdrawShoutOut("so-1", null, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 has been withdrawn, so there is nothing left to withdraw.")
                .expectNoEvents();
    }

    // Expiry

    @Test
    void expiresWhenItsEndDateHasPassedWithPlacesLeftAndDeclinesPendingOffers() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10), received("o-2", 0))
                .when(new ExpireShoutOut("so-1", END.plusDays(1), NOW))
                .expectEvents(new ShoutOutExpired("so-1", "s-1", END, 20, END.plusDays(1)),
                        declined("o-2", EXPIRED_REASON, true));
    }

    @Test
    void doesNotExpireOnItsEndDate() {
        fixture.given(posted(30))
                .when(new ExpireShoutOut("so-1", END, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void expiringTwiceChangesNothing() {
        fixture.given(posted(30), new ShoutOutExpired("so-1", "s-1", END, 30, END.plusDays(1)))
                .when(new ExpireShoutOut("so-1", END.plusDays(2), NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFilledShoutOutDoesNotExpire() {
        fixture.given(posted(10), received("o-1", 10), accepted("o-1", 10), filled("o-1"))
                .when(new ExpireShoutOut("so-1", END.plusDays(1), NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEditThatMovesTheEndDateLaterPutsExpiryOff() {
        fixture.given(posted(30), new ShoutOutChanged("so-1", "s-1", "Mock interviews", "", ActivityType.MOCK_INTERVIEWS,
                        List.of(), List.of(11), 30, START, END.plusDays(30), DeliveryMode.HYBRID, null, NOW))
                .when(new ExpireShoutOut("so-1", END.plusDays(1), NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Offers arriving

    @Test
    void anOfferArrivesAsPending() {
        fixture.given(posted(30))
                .when(receive("o-1", 10))
                .expectEvents(received("o-1", 10));
    }

    @Test
    void theSameOfferTwiceChangesNothing() {
        fixture.given(posted(30), received("o-1", 10))
                .when(receive("o-1", 10))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRedeliveredOfferThatWasAcceptedStaysAccepted() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10))
                .when(receive("o-1", 10))
                .expectNoEvents();
    }

    @Test
    void anOfferWithNegativePlacesIsReadAsNotSayingHowMany() {
        fixture.given(posted(30))
                .when(receive("o-1", -3))
                .expectEvents(received("o-1", 0));
    }

    @Test
    void anOfferForAWithdrawnShoutOutIsDeclinedWithAReason() {
        fixture.given(posted(30), withdrawn())
                .when(receive("o-1", 10))
                .expectEvents(received("o-1", 10), declined("o-1", WITHDRAWN_REASON, true));
    }

    @Test
    void anOfferForAnExpiredShoutOutIsDeclinedWithAReason() {
        fixture.given(posted(30), new ShoutOutExpired("so-1", "s-1", END, 30, END.plusDays(1)))
                .when(receive("o-1", 10))
                .expectEvents(received("o-1", 10), declined("o-1", EXPIRED_REASON, true));
    }

    @Test
    void anOfferForAFilledShoutOutIsDeclinedWithAReason() {
        fixture.given(posted(10), received("o-1", 10), accepted("o-1", 10), filled("o-1"))
                .when(receive("o-2", 5))
                .expectEvents(received("o-2", 5), declined("o-2", FILLED_REASON, true));
    }

    // Accepting

    @Test
    void acceptingAnOfferThatCoversEveryPlaceFillsTheShoutOutAndDeclinesTheRest() {
        fixture.given(posted(30), received("o-1", 30), received("o-2", 10))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectResultMessagePayload(ShoutOutStatus.FILLED)
                .expectEvents(accepted("o-1", 30), filledAt("o-1", NOW), declined("o-2", FILLED_REASON, true));
    }

    @Test
    void acceptingAnOfferThatCoversSomePlacesLeavesTheShoutOutOpen() {
        fixture.given(posted(30), received("o-1", 10))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectResultMessagePayload(ShoutOutStatus.OPEN)
                .expectEvents(accepted("o-1", 10));
    }

    @Test
    void offersTogetherFillTheShoutOut() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10), received("o-2", 20))
                .when(new AcceptOffer("so-1", "o-2", NOW))
                .expectEvents(accepted("o-2", 20), new ShoutOutFilled("so-1", "s-1", List.of("o-1", "o-2"), NOW));
    }

    @Test
    void anOfferThatNamesNoPlacesCoversAllThePlacesStillOpen() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10), received("o-2", 0))
                .when(new AcceptOffer("so-1", "o-2", NOW))
                .expectEvents(accepted("o-2", 20), new ShoutOutFilled("so-1", "s-1", List.of("o-1", "o-2"), NOW));
    }

    @Test
    void anOfferCoversNoMorePlacesThanAreOpen() {
        fixture.given(posted(30), received("o-1", 25), accepted("o-1", 25), received("o-2", 40))
                .when(new AcceptOffer("so-1", "o-2", NOW))
                .expectEvents(accepted("o-2", 5), new ShoutOutFilled("so-1", "s-1", List.of("o-1", "o-2"), NOW));
    }

    @Test
    void cannotAcceptOfferTwice() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Offer o-1 has been accepted already.")
                .expectNoEvents();
    }

    @Test
    void cannotAcceptADeclinedOffer() {
        fixture.given(posted(30), received("o-1", 10), declined("o-1", "Not this term.", false))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Offer o-1 has been declined already, so it cannot be accepted.")
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAnOfferTheEmployerWithdrew() {
        fixture.given(posted(30), received("o-1", 10), offerWithdrawn("o-1", 0))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Offer o-1 was withdrawn by the employer, so it cannot be accepted.")
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAnOfferOnAClosedShoutOut() {
        fixture.given(posted(30), received("o-1", 10), withdrawn(), declined("o-1", WITHDRAWN_REASON, true))
                .when(new AcceptOffer("so-1", "o-1", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 has been withdrawn, so no more offers can be accepted on it.")
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAnOfferTheShoutOutNeverReceived() {
        fixture.given(posted(30))
                .when(new AcceptOffer("so-1", "o-9", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Shout-out so-1 has no offer o-9.")
                .expectNoEvents();
    }

    // Declining

    @Test
    void theSchoolDeclinesAnOfferInItsOwnWords() {
        fixture.given(posted(30), received("o-1", 10))
                .when(new DeclineOffer("so-1", "o-1", " We need someone from finance. ", NOW))
                .expectResultMessagePayload(ShoutOutStatus.OPEN)
                .expectEvents(declined("o-1", "We need someone from finance.", false));
    }

    @Test
    void aDeclineWithoutWordsSaysTheSchoolDeclined() {
        fixture.given(posted(30), received("o-1", 10))
                .when(new DeclineOffer("so-1", "o-1", "  ", NOW))
                .expectEvents(declined("o-1", "The school has declined this offer.", false));
    }

    @Test
    void cannotDeclineAnAcceptedOffer() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10))
                .when(new DeclineOffer("so-1", "o-1", null, NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage("Offer o-1 has been accepted already, so it cannot be declined.")
                .expectNoEvents();
    }

    // Employers withdrawing offers

    @Test
    void theEmployerWithdrawingAPendingOfferIsRecorded() {
        fixture.given(posted(30), received("o-1", 10))
                .when(new WithdrawOffer("so-1", "o-1", "Volunteer unwell", NOW))
                .expectEvents(offerWithdrawn("o-1", 0));
    }

    @Test
    void theEmployerWithdrawingAnAcceptedOfferReleasesItsPlaces() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10))
                .when(new WithdrawOffer("so-1", "o-1", "Volunteer unwell", NOW))
                .expectEvents(offerWithdrawn("o-1", 10));
    }

    @Test
    void placesAWithdrawnAcceptanceReleasedCanBeCoveredAgain() {
        fixture.given(posted(30), received("o-1", 10), accepted("o-1", 10), received("o-2", 0),
                        offerWithdrawn("o-1", 10))
                .when(new AcceptOffer("so-1", "o-2", NOW))
                .expectEvents(accepted("o-2", 30), new ShoutOutFilled("so-1", "s-1", List.of("o-2"), NOW));
    }

    @Test
    void aWithdrawnAcceptanceIsRecordedOnAFilledShoutOut() {
        fixture.given(posted(10), received("o-1", 10), accepted("o-1", 10), filled("o-1"))
                .when(new WithdrawOffer("so-1", "o-1", "Volunteer unwell", NOW))
                .expectEvents(offerWithdrawn("o-1", 10));
    }

    @Test
    void aFilledShoutOutStaysFilledAfterAnAcceptanceIsWithdrawn() {
        fixture.given(posted(10), received("o-1", 10), accepted("o-1", 10), filled("o-1"), offerWithdrawn("o-1", 10))
                .when(receive("o-2", 10))
                .expectEvents(received("o-2", 10), declined("o-2", FILLED_REASON, true));
    }

    @Test
    void withdrawingAnOfferTheShoutOutNeverReceivedChangesNothing() {
        fixture.given(posted(30))
                .when(new WithdrawOffer("so-1", "o-9", null, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawingADeclinedOfferChangesNothing() {
        fixture.given(posted(30), received("o-1", 10), declined("o-1", "No thanks.", false))
                .when(new WithdrawOffer("so-1", "o-1", null, NOW))
                .expectNoEvents();
    }

    private static ShoutOutPosted posted(int places) {
        return new ShoutOutPosted("so-1", "s-1", "hub-1", "Mock interviews for Year 11", "", ActivityType.MOCK_INTERVIEWS,
                List.of("Finance"), List.of(11), places, START, END, DeliveryMode.IN_PERSON, null, POSTED);
    }

    private static ChangeShoutOut change(List<Integer> years, int places, LocalDate start, LocalDate end) {
        return new ChangeShoutOut("so-1", " Mock interviews ", " Twenty minutes each ", ActivityType.MOCK_INTERVIEWS,
                List.of(" Finance"), years, places, start, end, DeliveryMode.HYBRID, "Main hall ", NOW);
    }

    private static ShoutOutWithdrawn withdrawn() {
        return new ShoutOutWithdrawn("so-1", "s-1", null, POSTED.plusSeconds(3600));
    }

    private static ReceiveOffer receive(String offerId, int places) {
        return new ReceiveOffer("so-1", offerId, "e-" + offerId, LocalDate.of(2027, 1, 20), "Happy to help", places,
                NOW);
    }

    private static OfferReceived received(String offerId, int places) {
        return new OfferReceived("so-1", "s-1", offerId, "e-" + offerId, LocalDate.of(2027, 1, 20), "Happy to help",
                places, NOW);
    }

    private static OfferAccepted accepted(String offerId, int placesCovered) {
        return new OfferAccepted("so-1", "s-1", offerId, "e-" + offerId, placesCovered, NOW);
    }

    private static OfferDeclined declined(String offerId, String reason, boolean automatic) {
        return new OfferDeclined("so-1", "s-1", offerId, "e-" + offerId, reason, automatic, NOW);
    }

    private static OfferWithdrawn offerWithdrawn(String offerId, int placesReleased) {
        return new OfferWithdrawn("so-1", "s-1", offerId, "e-" + offerId, "Volunteer unwell", placesReleased, NOW);
    }

    private static ShoutOutFilled filled(String offerId) {
        return filledAt(offerId, POSTED.plusSeconds(60));
    }

    private static ShoutOutFilled filledAt(String offerId, Instant at) {
        return new ShoutOutFilled("so-1", "s-1", List.of(offerId), at);
    }
}
