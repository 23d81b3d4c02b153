package uk.encounters.school.shoutout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * A school's request for employer support and the offers made on it. Created by {@code School} when it posts one.
 * <p>
 * Open until the school withdraws it, its end date passes, or accepted offers cover its places; each of those is
 * final, and every offer still pending then is declined with a reason the employer can read, as is any offer that
 * arrives later. An offer that names no number of places (0) covers all the places still open when accepted.
 */
@Aggregate
public class ShoutOut {

    /** Dates are school dates: a shout-out posted late on 31 August UTC was posted on 1 September in England. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final int MAX_PLACES = 2_000;
    static final String DECLINED_BY_SCHOOL = "The school has declined this offer.";
    private static final DateTimeFormatter SPOKEN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @AggregateIdentifier
    private String shoutOutId;
    private String schoolId;
    private ShoutOutStatus status;
    private int places;
    private LocalDate endDate;
    private String withdrawalReason;
    private final Map<String, Offer> offers = new LinkedHashMap<>();

    protected ShoutOut() {
        // for Axon
    }

    /** Posts a shout-out for a school that has already checked the year groups against what it teaches. */
    public ShoutOut(PostShoutOut command, String hubId) {
        List<FieldError> errors = problemsWith(command, command.postedAt());
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
        apply(new ShoutOutPosted(command.shoutOutId(), command.schoolId(), hubId, command.title().strip(),
                description(command), command.activityType(), sectors(command), yearGroups(command),
                command.places(), command.startDate(), command.endDate(), command.mode(), location(command),
                command.postedAt()));
    }

    /** Answers with the status afterwards: fewer places may leave the shout-out filled. */
    @CommandHandler
    ShoutOutStatus handle(ChangeShoutOut command, TaughtYearGroups taughtYearGroups) {
        requireOpen("it can no longer be edited");
        List<FieldError> errors = problemsWith(command, command.changedAt());
        if (command.yearGroups() != null) {
            Set<Integer> taught = new TreeSet<>(taughtYearGroups.of(schoolId));
            List<Integer> untaught = command.yearGroups().stream().filter(y -> !taught.contains(y)).sorted().toList();
            if (!untaught.isEmpty()) {
                errors.add(new FieldError("yearGroups",
                        "This school does not teach year group(s) " + untaught + "; it teaches " + taught + "."));
            }
        }
        if (command.places() < placesCovered()) {
            errors.add(new FieldError("places", "Accepted offers cover " + placesCovered()
                    + " places already; places cannot go below that."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().message(), errors);
        }
        apply(new ShoutOutChanged(shoutOutId, schoolId, command.title().strip(), description(command),
                command.activityType(), sectors(command), yearGroups(command), command.places(),
                command.startDate(), command.endDate(), command.mode(), location(command), command.changedAt()));
        if (placesCovered() >= places) {
            fill(command.changedAt());
        }
        return status;
    }

    @CommandHandler
    ShoutOutStatus handle(WithdrawShoutOut command) {
        requireOpen("there is nothing left to withdraw");
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        apply(new ShoutOutWithdrawn(shoutOutId, schoolId, reason, command.withdrawnAt()));
        declinePendingOffers(command.withdrawnAt());
        return status;
    }

    @CommandHandler
    void handle(ExpireShoutOut command) {
        if (status != ShoutOutStatus.OPEN || !command.today().isAfter(endDate)) {
            return;
        }
        apply(new ShoutOutExpired(shoutOutId, schoolId, endDate, places - placesCovered(), command.today()));
        declinePendingOffers(command.noticedAt());
    }

    @CommandHandler
    void handle(ReceiveOffer command) {
        if (offers.containsKey(command.offerId())) {
            return; // a redelivery: the offer is here already, whatever has happened to it since
        }
        apply(new OfferReceived(shoutOutId, schoolId, command.offerId(), command.employerId(),
                command.proposedDate(), command.message(), Math.max(0, command.places()), command.receivedAt()));
        if (status != ShoutOutStatus.OPEN) {
            decline(command.offerId(), closedReason(), true, command.receivedAt());
        }
    }

    /** Answers with the status afterwards, so the school learns at once that this acceptance filled it. */
    @CommandHandler
    ShoutOutStatus handle(AcceptOffer command) {
        Offer offer = offer(command.offerId());
        if (offer.status() == OfferStatus.ACCEPTED) {
            throw ProblemException.conflict("Offer " + command.offerId() + " has been accepted already.");
        }
        requireOpen("no more offers can be accepted on it");
        requirePending(command.offerId(), offer, "accepted");
        int open = places - placesCovered();
        int covers = offer.places() == 0 ? open : Math.min(offer.places(), open);
        apply(new OfferAccepted(shoutOutId, schoolId, command.offerId(), offer.employerId(), covers,
                command.acceptedAt()));
        if (placesCovered() >= places) {
            fill(command.acceptedAt());
        }
        return status;
    }

    @CommandHandler
    ShoutOutStatus handle(DeclineOffer command) {
        Offer offer = offer(command.offerId());
        requirePending(command.offerId(), offer, "declined");
        String reason = command.reason() == null || command.reason().isBlank()
                ? DECLINED_BY_SCHOOL : command.reason().strip();
        decline(command.offerId(), reason, false, command.declinedAt());
        return status;
    }

    /**
     * The employer's withdrawal is recorded whatever the school did: a withdrawn acceptance releases its places, so
     * the school sees the gap. A filled shout-out stays filled, though: the other employers have been told no, so
     * the school posts a new shout-out for the places it lost rather than reopening this one.
     */
    @CommandHandler
    void handle(WithdrawOffer command) {
        Offer offer = offers.get(command.offerId());
        if (offer == null || offer.status() == OfferStatus.WITHDRAWN || offer.status() == OfferStatus.DECLINED) {
            return; // nothing of ours to undo
        }
        apply(new OfferWithdrawn(shoutOutId, schoolId, command.offerId(), offer.employerId(), command.reason(),
                offer.placesCovered(), command.withdrawnAt()));
    }

    static List<FieldError> problemsWith(ShoutOutTerms terms, Instant at) {
        List<FieldError> errors = new ArrayList<>();
        if (terms.title() == null || terms.title().isBlank() || terms.title().length() > 200) {
            errors.add(new FieldError("title", "A shout-out needs a title of 1 to 200 characters."));
        }
        if (terms.activityType() == null) {
            errors.add(new FieldError("activityType", "Say which activity the school is asking for."));
        }
        if (terms.mode() == null) {
            errors.add(new FieldError("mode", "Mode is one of IN_PERSON, VIRTUAL or HYBRID."));
        }
        if (terms.places() < 1 || terms.places() > MAX_PLACES) {
            errors.add(new FieldError("places", "Places must be between 1 and " + MAX_PLACES + "."));
        }
        if (terms.yearGroups() == null || terms.yearGroups().isEmpty()) {
            errors.add(new FieldError("yearGroups", "Name at least one year group."));
        }
        if (terms.sectors() != null && terms.sectors().stream().anyMatch(s -> s == null || s.isBlank())) {
            errors.add(new FieldError("sectors", "Sectors must not be blank."));
        }
        if (terms.startDate() == null || terms.endDate() == null) {
            errors.add(new FieldError(terms.startDate() == null ? "startDate" : "endDate",
                    "A shout-out needs a start and an end date."));
        } else if (terms.endDate().isBefore(terms.startDate())) {
            errors.add(new FieldError("endDate", "The end date is before the start date."));
        } else if (terms.endDate().isBefore(at.atZone(SCHOOL_ZONE).toLocalDate())) {
            errors.add(new FieldError("endDate", "The end date has passed already."));
        }
        return errors;
    }

    private static String description(ShoutOutTerms terms) {
        return terms.description() == null ? "" : terms.description().strip();
    }

    private static List<String> sectors(ShoutOutTerms terms) {
        return terms.sectors() == null ? List.of() : terms.sectors().stream().map(String::strip).toList();
    }

    private static List<Integer> yearGroups(ShoutOutTerms terms) {
        return terms.yearGroups().stream().sorted().distinct().toList();
    }

    private static String location(ShoutOutTerms terms) {
        return terms.location() == null ? null : terms.location().strip();
    }

    private void fill(Instant at) {
        List<String> accepted = offers.entrySet().stream()
                .filter(e -> e.getValue().status() == OfferStatus.ACCEPTED).map(Map.Entry::getKey).toList();
        apply(new ShoutOutFilled(shoutOutId, schoolId, accepted, at));
        declinePendingOffers(at);
    }

    private void declinePendingOffers(Instant at) {
        String reason = closedReason();
        List<String> pending = offers.entrySet().stream()
                .filter(e -> e.getValue().status() == OfferStatus.PENDING).map(Map.Entry::getKey).toList();
        pending.forEach(offerId -> decline(offerId, reason, true, at));
    }

    private void decline(String offerId, String reason, boolean automatic, Instant at) {
        apply(new OfferDeclined(shoutOutId, schoolId, offerId, offers.get(offerId).employerId(), reason, automatic, at));
    }

    /** Written for the employer whose offer lapses: what happened and that it was not about them. */
    private String closedReason() {
        return switch (status) {
            case WITHDRAWN -> "The school has withdrawn this shout-out, so it no longer needs offers."
                    + (withdrawalReason == null ? "" : " The school said: " + withdrawalReason);
            case EXPIRED -> "This shout-out closed when its end date, " + SPOKEN_DATE.format(endDate)
                    + ", passed; the school can no longer take up offers on it.";
            case FILLED -> "Other employers' offers have filled every place on this shout-out, so the school cannot"
                    + " take this one up. Thank you for offering.";
            case OPEN -> throw new IllegalStateException("an open shout-out declines nothing by itself");
        };
    }

    private void requireOpen(String consequence) {
        if (status != ShoutOutStatus.OPEN) {
            throw ProblemException.conflict("Shout-out " + shoutOutId + " " + switch (status) {
                case WITHDRAWN -> "has been withdrawn";
                case EXPIRED -> "expired when its end date passed";
                case FILLED -> "is filled";
                case OPEN -> "is open";
            } + ", so " + consequence + ".");
        }
    }

    private static void requirePending(String offerId, Offer offer, String action) {
        String problem = switch (offer.status()) {
            case PENDING -> null;
            case ACCEPTED -> "has been accepted already";
            case DECLINED -> "has been declined already";
            case WITHDRAWN -> "was withdrawn by the employer";
        };
        if (problem != null) {
            throw ProblemException.conflict("Offer " + offerId + " " + problem + ", so it cannot be " + action + ".");
        }
    }

    private Offer offer(String offerId) {
        Offer offer = offers.get(offerId);
        if (offer == null) {
            throw ProblemException.notFound("Shout-out " + shoutOutId + " has no offer " + offerId + ".");
        }
        return offer;
    }

    private int placesCovered() {
        return offers.values().stream().mapToInt(Offer::placesCovered).sum();
    }

    @EventSourcingHandler
    void on(ShoutOutPosted event) {
        shoutOutId = event.shoutOutId();
        schoolId = event.schoolId();
        status = ShoutOutStatus.OPEN;
        places = event.places();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(ShoutOutChanged event) {
        places = event.places();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(ShoutOutWithdrawn event) {
        status = ShoutOutStatus.WITHDRAWN;
        withdrawalReason = event.reason();
    }

    @EventSourcingHandler
    void on(ShoutOutExpired event) {
        status = ShoutOutStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ShoutOutFilled event) {
        status = ShoutOutStatus.FILLED;
    }

    @EventSourcingHandler
    void on(OfferReceived event) {
        offers.put(event.offerId(), new Offer(event.employerId(), event.places(), OfferStatus.PENDING, 0));
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.ACCEPTED, event.placesCovered()));
    }

    @EventSourcingHandler
    void on(OfferDeclined event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.DECLINED, 0));
    }

    @EventSourcingHandler
    void on(OfferWithdrawn event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.WITHDRAWN, 0));
    }

    /** Immutable, so state changes only where an event-sourcing handler puts a new one in the map. */
    private record Offer(String employerId, int places, OfferStatus status, int placesCovered) {

        Offer with(OfferStatus newStatus, int newPlacesCovered) {
            return new Offer(employerId, places, newStatus, newPlacesCovered);
        }
    }
}
