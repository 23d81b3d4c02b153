package uk.encounters.identity.signin;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.web.Html;

/**
 * What a person sees after signing in with the right password to a disabled account. Anyone may open it: it says
 * nothing about any account, and the login form only sends someone here once they proved the password.
 */
@RestController
class DisabledPage {

    @GetMapping(value = SecurityConfiguration.DISABLED_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    String show() {
        return Html.page("Account disabled", "<p>" + Html.escape(AccountAuthenticationProvider.DISABLED) + "</p>");
    }
}
