package uk.encounters.school.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.school.hub.RegisterHub;

@RestController
@RequestMapping("/api/v1/hubs")
class HubController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Access access;

    HubController(CommandGateway commands, Clock clock, Access access) {
        this.commands = commands;
        this.clock = clock;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HubCreated register(@Valid @RequestBody NewHub request) {
        access.platformAdmin();
        String hubId = Ids.orNew(request.hubId());
        commands.sendAndWait(new RegisterHub(hubId, request.name(), clock.instant()));
        return new HubCreated(hubId);
    }

    record NewHub(@Size(max = 64) String hubId, @NotBlank @Size(max = 200) String name) {
    }

    record HubCreated(String hubId) {
    }
}
