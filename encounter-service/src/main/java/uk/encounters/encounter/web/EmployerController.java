package uk.encounters.encounter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.employer.RegisterEmployer;

@RestController
class EmployerController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Access access;

    EmployerController(CommandGateway commands, Clock clock, Access access) {
        this.commands = commands;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Missing or malformed values are named by the aggregate (422), so every rule is stated in one place. The
     * employer's id is the account's tenant (identity-service mints it when the employer registers there).
     */
    @PostMapping("/api/v1/employers")
    @ResponseStatus(HttpStatus.CREATED)
    EmployerCreated register(@Valid @RequestBody NewEmployer request) {
        String employerId = access.employerRegistering(request.employerId());
        commands.sendAndWait(new RegisterEmployer(employerId, request.name(), request.sector(), request.size(),
                request.postcode(), clock.instant()));
        return new EmployerCreated(employerId);
    }

    record NewEmployer(@Size(max = 64) String employerId, String name, String sector, EmployerSize size,
                       String postcode) {
    }

    record EmployerCreated(String employerId) {
    }
}
