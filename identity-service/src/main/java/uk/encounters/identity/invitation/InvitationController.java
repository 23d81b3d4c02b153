package uk.encounters.identity.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.account.AccountView;
import uk.encounters.identity.account.Role;
import uk.encounters.identity.web.Caller;

@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    record Invite(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role,
                  @NotBlank @Size(max = 100) String tenantId) {
    }

    record Accept(@NotNull String password) {

        @Override
        public String toString() {
            return "Accept[...]";
        }
    }

    @PostMapping("/api/v1/invitations")
    ResponseEntity<Invitations.Invited> invite(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Invite request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.invite(Caller.of(jwt), request.email(),
                request.role(), request.tenantId().strip()));
    }

    /** Open: the link's secret is the credential. */
    @PostMapping("/api/v1/invitations/{token}/accept")
    AccountView accept(@PathVariable String token, @Valid @RequestBody Accept request) {
        return invitations.accept(token, request.password());
    }
}
