package uk.encounters.encounter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.encounter.offer.OfferForShoutOut;
import uk.encounters.encounter.offer.OfferIds;
import uk.encounters.encounter.offer.OfferOwnActivity;
import uk.encounters.encounter.offer.WithdrawOffer;
import uk.encounters.platform.web.ProblemException;

@RestController
class OfferController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Access access;

    OfferController(CommandGateway commands, Clock clock, Access access) {
        this.commands = commands;
        this.clock = clock;
        this.access = access;
    }

    @PostMapping("/api/v1/shout-outs/{shoutOutId}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    OfferMade offer(@PathVariable String shoutOutId, @Valid @RequestBody NewOffer request) {
        String employerId = access.offeringEmployer(request.employerId());
        String offerId = OfferIds.forShoutOut(shoutOutId, employerId);
        try {
            commands.sendAndWait(new OfferForShoutOut(offerId, employerId, shoutOutId,
                    request.proposedDate(), request.message(), clock.instant()));
        } catch (AggregateStreamCreationException e) {
            throw ProblemException.conflict("Employer " + employerId + " has offered for this shout-out "
                    + "already (offer " + offerId + "); an employer offers once per shout-out.");
        }
        return new OfferMade(offerId);
    }

    @PostMapping("/api/v1/offers")
    @ResponseStatus(HttpStatus.CREATED)
    OfferMade ownActivity(@Valid @RequestBody NewActivity request) {
        String employerId = access.offeringEmployer(request.employerId());
        String offerId = Ids.orNew(request.offerId());
        if (request.offerId() != null && !request.offerId().isBlank()) {
            access.offerIdOfEmployer(offerId);
        }
        commands.sendAndWait(new OfferOwnActivity(offerId, employerId, request.activityType(),
                request.title(), request.date(), request.places() == null ? 0 : request.places(), request.mode(),
                clock.instant()));
        return new OfferMade(offerId);
    }

    @PostMapping("/api/v1/offers/{offerId}/withdraw")
    OfferStatus withdraw(@PathVariable String offerId, @Valid @RequestBody(required = false) Withdrawal request) {
        access.offerOwner(offerId);
        commands.sendAndWait(new WithdrawOffer(offerId, request == null ? null : request.reason(), clock.instant()));
        return new OfferStatus(offerId, "WITHDRAWN");
    }

    record NewOffer(String employerId, LocalDate proposedDate, @Size(max = 2000) String message) {
    }

    /** Room for a chosen id: an employer id of up to 64 characters, a colon and a key of up to 64. */
    record NewActivity(@Size(max = 129) String offerId, String employerId, ActivityType activityType, String title,
                       LocalDate date, Integer places, DeliveryMode mode) {
    }

    record Withdrawal(@Size(max = 2000) String reason) {
    }

    record OfferMade(String offerId) {
    }

    record OfferStatus(String offerId, String status) {
    }
}
