package uk.encounters.school.web;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.ActivityType;
import uk.encounters.contracts.DeliveryMode;
import uk.encounters.school.shoutout.PostShoutOut;

@RestController
class ShoutOutController {

    private final CommandGateway commands;
    private final Clock clock;

    ShoutOutController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/schools/{schoolId}/shout-outs")
    @ResponseStatus(HttpStatus.CREATED)
    ShoutOutCreated post(@PathVariable String schoolId, @Valid @RequestBody NewShoutOut request) {
        String shoutOutId = Ids.orNew(request.shoutOutId());
        commands.sendAndWait(new PostShoutOut(schoolId, shoutOutId, request.title(), request.description(),
                request.activityType(), request.sectors(), request.yearGroups(), request.places(),
                request.startDate(), request.endDate(), request.mode(), request.location(), clock.instant()));
        return new ShoutOutCreated(shoutOutId);
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

    record ShoutOutCreated(String shoutOutId) {
    }
}
