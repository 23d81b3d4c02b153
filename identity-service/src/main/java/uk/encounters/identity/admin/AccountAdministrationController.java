package uk.encounters.identity.admin;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.account.AccountView;
import uk.encounters.identity.account.Role;
import uk.encounters.identity.web.Caller;

/** Listing, disabling and enabling the accounts an admin or a hub coordinator manages. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountAdministrationController {

    private final AccountAdministration administration;

    AccountAdministrationController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<AccountView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) Role role,
                           @RequestParam(required = false) String tenantId) {
        return administration.list(Caller.of(jwt), role, tenantId);
    }

    @PostMapping("/{accountId}/disable")
    AccountView disable(@AuthenticationPrincipal Jwt jwt, @PathVariable String accountId) {
        return administration.disable(Caller.of(jwt), accountId);
    }

    @PostMapping("/{accountId}/enable")
    AccountView enable(@AuthenticationPrincipal Jwt jwt, @PathVariable String accountId) {
        return administration.enable(Caller.of(jwt), accountId);
    }
}
