package uk.encounters.school.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.school.hub.Hubs;
import uk.encounters.school.hub.RegisterHub;
import uk.encounters.school.institution.SchoolDirectory;
import uk.encounters.school.institution.SchoolDirectory.SchoolInHub;

@RestController
@RequestMapping("/api/v1/hubs")
class HubController {

    private final CommandGateway commands;
    private final Hubs hubs;
    private final SchoolDirectory directory;
    private final Clock clock;
    private final Access access;

    HubController(CommandGateway commands, Hubs hubs, SchoolDirectory directory, Clock clock, Access access) {
        this.commands = commands;
        this.hubs = hubs;
        this.directory = directory;
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

    @Operation(summary = "The hub", description = "For the hub's coordinator and platform admins.")
    @GetMapping("/{hubId}")
    HubRecord get(@PathVariable String hubId) {
        access.readHub(hubId);
        return new HubRecord(hubId, hubs.name(hubId).orElseThrow(() -> Access.noHub(hubId)));
    }

    @Operation(summary = "The hub's schools now, sorted by name (case-insensitive), then school id",
            description = "For the hub's coordinator and platform admins. A read model: a school registered or moved"
                    + " a moment ago may be missing for a few milliseconds.")
    @GetMapping("/{hubId}/schools")
    List<SchoolInHub> schools(@PathVariable String hubId) {
        access.readHub(hubId);
        if (!hubs.exists(hubId)) {
            throw Access.noHub(hubId);
        }
        return directory.schoolsOf(hubId);
    }

    record NewHub(@Size(max = 64) String hubId, @NotBlank @Size(max = 200) String name) {
    }

    record HubCreated(String hubId) {
    }

    record HubRecord(String hubId, String name) {
    }
}
