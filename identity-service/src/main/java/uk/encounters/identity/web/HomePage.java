package uk.encounters.identity.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the login form lands when it was not on the way to a client: says who is signed in. */
@RestController
class HomePage {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication authentication) {
        return Html.page("Signed in", "<p>You are signed in (account " + Html.escape(authentication.getName())
                + "). Applications that use this sign-in will now let you in.</p>");
    }
}
