package uk.encounters.encounter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.employer.EmployerDirectory;
import uk.encounters.encounter.employer.Postcodes;
import uk.encounters.encounter.employer.RegisterEmployer;
import uk.encounters.encounter.reads.EncounterReads;
import uk.encounters.encounter.reads.EncounterReads.EmployerEncounter;
import uk.encounters.encounter.reads.OfferReads;
import uk.encounters.encounter.reads.OfferReads.EmployerOffer;
import uk.encounters.platform.web.ProblemException;

@RestController
class EmployerController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Access access;
    private final EmployerDirectory employers;
    private final OfferReads offers;
    private final EncounterReads encounters;

    EmployerController(CommandGateway commands, Clock clock, Access access, EmployerDirectory employers,
                       OfferReads offers, EncounterReads encounters) {
        this.commands = commands;
        this.clock = clock;
        this.access = access;
        this.employers = employers;
        this.offers = offers;
        this.encounters = encounters;
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

    /** The employer's own registration, from its stream (so it shows at once); 404 until it has registered here. */
    @GetMapping("/api/v1/employers/{employerId}")
    EmployerDetails employer(@PathVariable String employerId) {
        access.employerItself(employerId);
        return employers.find(employerId)
                .map(e -> new EmployerDetails(e.employerId(), e.name(), e.sector(), e.size(), e.postcode(),
                        Postcodes.districtIn(e.postcode()).orElse(null)))
                .orElseThrow(() -> ProblemException.notFound("There is no employer with id " + employerId + "."));
    }

    /** The employer's offers, newest first (then by id), each with the school's answer. */
    @GetMapping("/api/v1/employers/{employerId}/offers")
    List<EmployerOffer> offers(@PathVariable String employerId) {
        access.employerItself(employerId);
        return offers.byEmployer(employerId);
    }

    /** The employer's encounters, newest date first (then by id): the register's size, never who was on it. */
    @GetMapping("/api/v1/employers/{employerId}/encounters")
    List<EmployerEncounter> encounters(@PathVariable String employerId) {
        access.employerItself(employerId);
        return encounters.byEmployer(employerId);
    }

    record NewEmployer(@Size(max = 64) String employerId, String name, String sector, EmployerSize size,
                       String postcode) {
    }

    record EmployerCreated(String employerId) {
    }

    /** @param district the postcode's outward code ({@code TS17}) */
    record EmployerDetails(String employerId, String name, String sector, EmployerSize size, String postcode,
                           String district) {
    }
}
