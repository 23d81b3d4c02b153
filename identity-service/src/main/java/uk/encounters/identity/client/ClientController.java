package uk.encounters.identity.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.web.Caller;
import uk.encounters.platform.web.ProblemException;

/**
 * An account's own integration clients. Only a person's token manages them: a client cannot mint further clients,
 * so a leaked secret cannot be turned into more.
 */
@RestController
@RequestMapping("/api/v1/account/clients")
class ClientController {

    private final IntegrationClients clients;

    ClientController(IntegrationClients clients) {
        this.clients = clients;
    }

    record CreateClient(@NotBlank @Size(max = 100) String name) {
    }

    @PostMapping
    ResponseEntity<IntegrationClients.NewClient> create(@AuthenticationPrincipal Jwt jwt,
                                                        @Valid @RequestBody CreateClient request) {
        Caller caller = person(jwt);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(clients.create(caller.accountId(), request.name().strip()));
    }

    @GetMapping
    List<IntegrationClients.ClientView> list(@AuthenticationPrincipal Jwt jwt) {
        return clients.ownedBy(person(jwt).accountId());
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String clientId) {
        if (!clients.revoke(person(jwt).accountId(), clientId)) {
            throw ProblemException.notFound("You have no integration client " + clientId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static Caller person(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (caller.clientId() != null) {
            throw new ProblemException(HttpStatus.FORBIDDEN,
                    "Integration clients are managed with a person's sign-in, not with a client's token.", List.of());
        }
        return caller;
    }
}
