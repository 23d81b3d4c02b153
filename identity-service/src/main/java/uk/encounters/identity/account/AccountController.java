package uk.encounters.identity.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.platform.web.ProblemException;

/** The caller's own account: a quick way to see who a token acts for. */
@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/account")
    AccountView account(@AuthenticationPrincipal Jwt jwt) {
        return accounts.byId(jwt.getSubject()).map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound("This token's account does not exist."));
    }
}
