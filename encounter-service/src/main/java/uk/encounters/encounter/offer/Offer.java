package uk.encounters.encounter.offer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.encounter.board.Board;
import uk.encounters.encounter.board.Board.BoardShoutOut;
import uk.encounters.encounter.employer.EmployerDirectory;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * An employer's offer, to a school's shout-out or of an activity of its own. The school answers in school-service;
 * this aggregate learns the answer from its events, and the employer may withdraw until the school has accepted.
 */
@Aggregate
public class Offer {

    /** Dates are school dates: "today" is today in England, whatever the server's zone. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final int MAX_MESSAGE = 2_000;
    static final int MAX_TITLE = 200;
    static final int MAX_PLACES = 2_000;

    /** Public for the read side, which shows these states (an open offer as OFFERED). */
    public enum Status { OPEN, ACCEPTED, DECLINED, WITHDRAWN }

    @AggregateIdentifier
    private String offerId;
    private String employerId;
    private String shoutOutId;
    private String schoolId;
    private ActivityType activityType;
    private LocalDate date;
    private DeliveryMode mode;
    private String location;
    private Status status;

    protected Offer() {
        // for Axon
    }

    @CommandHandler
    public Offer(OfferForShoutOut command, EmployerDirectory employers, Board board) {
        List<FieldError> errors = new ArrayList<>();
        if (employers.find(command.employerId()).isEmpty()) {
            errors.add(new FieldError("employerId", "There is no employer with id " + command.employerId() + "."));
        }
        BoardShoutOut shoutOut = board.shoutOut(command.shoutOutId()).orElseThrow(() -> ProblemException.notFound(
                "There is no shout-out with id " + command.shoutOutId() + " on the board."));
        if (!shoutOut.open()) {
            throw ProblemException.conflict("This shout-out is " + shoutOut.status().toLowerCase()
                    + " and takes no more offers.");
        }
        LocalDate today = command.offeredAt().atZone(SCHOOL_ZONE).toLocalDate();
        LocalDate proposed = command.proposedDate();
        if (proposed == null) {
            errors.add(new FieldError("proposedDate", "Propose a date for the activity."));
        } else if (proposed.isBefore(shoutOut.startDate()) || proposed.isAfter(shoutOut.endDate())) {
            errors.add(new FieldError("proposedDate", "The school asked for a date from " + shoutOut.startDate()
                    + " to " + shoutOut.endDate() + "; " + proposed + " is outside it."));
        } else if (proposed.isBefore(today)) {
            errors.add(new FieldError("proposedDate", "The proposed date " + proposed + " has passed."));
        }
        String message = command.message() == null ? "" : command.message().strip();
        if (message.length() > MAX_MESSAGE) {
            errors.add(new FieldError("message", "A message is at most " + MAX_MESSAGE + " characters."));
        }
        rejectIfAny(errors);
        apply(new EmployerOffered(command.offerId(), command.employerId(), shoutOut.shoutOutId(),
                shoutOut.schoolId(), proposed, message, shoutOut.activityType(), shoutOut.title(), shoutOut.places(),
                shoutOut.mode(), shoutOut.location(), command.offeredAt()));
    }

    @CommandHandler
    public Offer(OfferOwnActivity command, EmployerDirectory employers) {
        List<FieldError> errors = new ArrayList<>();
        if (employers.find(command.employerId()).isEmpty()) {
            errors.add(new FieldError("employerId", "There is no employer with id " + command.employerId() + "."));
        }
        if (command.activityType() == null) {
            errors.add(new FieldError("activityType", "Say which activity is on offer."));
        }
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "An offer needs a title of 1 to " + MAX_TITLE + " characters."));
        }
        if (command.date() == null) {
            errors.add(new FieldError("date", "Say when the activity takes place."));
        } else if (command.date().isBefore(command.offeredAt().atZone(SCHOOL_ZONE).toLocalDate())) {
            errors.add(new FieldError("date", "The date " + command.date() + " has passed."));
        }
        if (command.places() < 1 || command.places() > MAX_PLACES) {
            errors.add(new FieldError("places", "Places must be between 1 and " + MAX_PLACES + "."));
        }
        if (command.mode() == null) {
            errors.add(new FieldError("mode", "Mode is one of IN_PERSON, VIRTUAL or HYBRID."));
        }
        rejectIfAny(errors);
        apply(new EmployerOffered(command.offerId(), command.employerId(), null, null, command.date(), null,
                command.activityType(), title, command.places(), command.mode(), null, command.offeredAt()));
    }

    @CommandHandler
    void handle(WithdrawOffer command) {
        switch (status) {
            case OPEN -> apply(new OfferWithdrawn(offerId, employerId, shoutOutId, schoolId,
                    command.reason() == null || command.reason().isBlank() ? null : command.reason().strip(),
                    command.withdrawnAt()));
            case ACCEPTED -> throw ProblemException.conflict("The school has accepted this offer, so it can no "
                    + "longer be withdrawn; cancel the scheduled encounter instead, giving the reason.");
            case DECLINED -> throw ProblemException.conflict("The school has declined this offer already.");
            case WITHDRAWN -> throw ProblemException.conflict("This offer was withdrawn already.");
        }
    }

    /**
     * Returns the terms to schedule the encounter on, again on a repeated acceptance (a redelivered event), so a
     * crash between accepting and scheduling heals on redelivery. Empty when there is nothing to schedule: the
     * employer withdrew before the school's acceptance reached us, the school declined, or the acceptance names
     * another school or concerns an employer's own activity.
     */
    @CommandHandler
    Optional<AcceptedOffer> handle(AcceptOffer command) {
        if (schoolId == null || !schoolId.equals(command.schoolId())) {
            return Optional.empty();
        }
        if (status == Status.OPEN) {
            apply(new OfferAccepted(offerId, schoolId, command.acceptedAt()));
        } else if (status != Status.ACCEPTED) {
            return Optional.empty();
        }
        return Optional.of(new AcceptedOffer(offerId, employerId, schoolId, shoutOutId, activityType, date, mode,
                location));
    }

    @CommandHandler
    void handle(DeclineOffer command) {
        if (status == Status.OPEN && schoolId != null && schoolId.equals(command.schoolId())) {
            apply(new OfferDeclined(offerId, schoolId, command.reason(), command.declinedAt()));
        }
    }

    private static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
    }

    @EventSourcingHandler
    void on(EmployerOffered event) {
        offerId = event.offerId();
        employerId = event.employerId();
        shoutOutId = event.shoutOutId();
        schoolId = event.schoolId();
        activityType = event.activityType();
        date = event.proposedDate();
        mode = event.mode();
        location = event.location();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(OfferWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(OfferDeclined event) {
        status = Status.DECLINED;
    }
}
