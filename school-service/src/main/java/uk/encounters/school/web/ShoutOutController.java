package uk.encounters.school.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.school.shoutout.AcceptOffer;
import uk.encounters.school.shoutout.ChangeShoutOut;
import uk.encounters.school.shoutout.DeclineOffer;
import uk.encounters.school.shoutout.OfferStatus;
import uk.encounters.school.shoutout.PostShoutOut;
import uk.encounters.school.shoutout.ShoutOutStatus;
import uk.encounters.school.shoutout.ShoutOutViews;
import uk.encounters.school.shoutout.ShoutOutViews.ShoutOutView;
import uk.encounters.school.shoutout.WithdrawShoutOut;

@RestController
class ShoutOutController {

    private final CommandGateway commands;
    private final ShoutOutViews views;
    private final Clock clock;
    private final Access access;

    ShoutOutController(CommandGateway commands, ShoutOutViews views, Clock clock, Access access) {
        this.commands = commands;
        this.views = views;
        this.clock = clock;
        this.access = access;
    }

    @PostMapping("/api/v1/schools/{schoolId}/shout-outs")
    @ResponseStatus(HttpStatus.CREATED)
    ShoutOutCreated post(@PathVariable String schoolId, @Valid @RequestBody NewShoutOut request) {
        access.staffOf(schoolId);
        String shoutOutId = Ids.orNew(request.shoutOutId());
        commands.sendAndWait(new PostShoutOut(schoolId, shoutOutId, request.title(), request.description(),
                request.activityType(), request.sectors(), request.yearGroups(), request.places(),
                request.startDate(), request.endDate(), request.mode(), request.location(), clock.instant()));
        return new ShoutOutCreated(shoutOutId);
    }

    /** The view follows the commands by milliseconds: a shout-out posted a moment ago may not be listed yet. */
    @GetMapping("/api/v1/schools/{schoolId}/shout-outs")
    List<ShoutOutView> list(@PathVariable String schoolId,
                            @RequestParam(required = false) ShoutOutStatus status) {
        access.readSchool(schoolId);
        return views.forSchool(schoolId, status);
    }

    @Operation(summary = "One shout-out with its offers, as the school's list shows it",
            description = "For the careers leader of the school that posted it. A read model: a shout-out posted a"
                    + " moment ago may answer 404 for a few milliseconds.")
    @GetMapping("/api/v1/shout-outs/{shoutOutId}")
    ShoutOutView get(@PathVariable String shoutOutId) {
        access.staffOfShoutOut(shoutOutId);
        return views.find(shoutOutId).orElseThrow(() -> Access.noShoutOut(shoutOutId));
    }

    /** Replaces every field as posting sets them; only an open shout-out can be edited. */
    @PutMapping("/api/v1/shout-outs/{shoutOutId}")
    ShoutOutState edit(@PathVariable String shoutOutId, @Valid @RequestBody ShoutOutEdit request) {
        access.staffOfShoutOut(shoutOutId);
        ShoutOutStatus status = commands.sendAndWait(new ChangeShoutOut(shoutOutId, request.title(),
                request.description(), request.activityType(), request.sectors(), request.yearGroups(),
                request.places(), request.startDate(), request.endDate(), request.mode(), request.location(),
                clock.instant()));
        return new ShoutOutState(shoutOutId, status);
    }

    @PostMapping("/api/v1/shout-outs/{shoutOutId}/withdraw")
    ShoutOutState withdraw(@PathVariable String shoutOutId,
                           @Valid @RequestBody(required = false) Reason request) {
        access.staffOfShoutOut(shoutOutId);
        ShoutOutStatus status = commands.sendAndWait(new WithdrawShoutOut(shoutOutId,
                request == null ? null : request.reason(), clock.instant()));
        return new ShoutOutState(shoutOutId, status);
    }

    @PostMapping("/api/v1/shout-outs/{shoutOutId}/offers/{offerId}/accept")
    OfferDecision accept(@PathVariable String shoutOutId, @PathVariable String offerId) {
        access.staffOfShoutOut(shoutOutId);
        ShoutOutStatus status = commands.sendAndWait(new AcceptOffer(shoutOutId, offerId, clock.instant()));
        return new OfferDecision(shoutOutId, offerId, OfferStatus.ACCEPTED, status);
    }

    @PostMapping("/api/v1/shout-outs/{shoutOutId}/offers/{offerId}/decline")
    OfferDecision decline(@PathVariable String shoutOutId, @PathVariable String offerId,
                          @Valid @RequestBody(required = false) Reason request) {
        access.staffOfShoutOut(shoutOutId);
        ShoutOutStatus status = commands.sendAndWait(new DeclineOffer(shoutOutId, offerId,
                request == null ? null : request.reason(), clock.instant()));
        return new OfferDecision(shoutOutId, offerId, OfferStatus.DECLINED, status);
    }

    record NewShoutOut(@Size(max = 64) String shoutOutId,
                       @NotBlank @Size(max = 200) String title,
                       @Size(max = 4000) String description,
                       @NotNull ActivityType activityType,
                       List<@NotBlank String> sectors,
                       @NotEmpty List<@NotNull Integer> yearGroups,
                       @Min(1) int places,
                       @NotNull LocalDate startDate,
                       @NotNull LocalDate endDate,
                       @NotNull DeliveryMode mode,
                       @Size(max = 200) String location) {
    }

    record ShoutOutEdit(@NotBlank @Size(max = 200) String title,
                        @Size(max = 4000) String description,
                        @NotNull ActivityType activityType,
                        List<@NotBlank String> sectors,
                        @NotEmpty List<@NotNull Integer> yearGroups,
                        @Min(1) int places,
                        @NotNull LocalDate startDate,
                        @NotNull LocalDate endDate,
                        @NotNull DeliveryMode mode,
                        @Size(max = 200) String location) {
    }

    /** Optional words for the employers concerned; they read them, so nothing about pupils. */
    record Reason(@Size(max = 1000) String reason) {
    }

    record ShoutOutCreated(String shoutOutId) {
    }

    record ShoutOutState(String shoutOutId, ShoutOutStatus status) {
    }

    record OfferDecision(String shoutOutId, String offerId, OfferStatus status, ShoutOutStatus shoutOutStatus) {
    }
}
