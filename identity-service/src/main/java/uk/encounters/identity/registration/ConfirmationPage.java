package uk.encounters.identity.registration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.web.Html;
import uk.encounters.platform.web.ProblemException;

/**
 * Where the confirmation mail's link leads. Opening the link only shows a button: mail scanners follow links, and a
 * GET must not confirm anything.
 */
@RestController
class ConfirmationPage {

    private final EmployerRegistrations registrations;

    ConfirmationPage(EmployerRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping(value = "/registrations/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token, CsrfToken csrf) {
        if (!registrations.linkWorks(token)) {
            return page(HttpStatus.NOT_FOUND, EmployerRegistrations.noSuchLink().getMessage());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Html.page("Confirm your email address",
                Html.form("/registrations/" + token, csrf, "", "Confirm")));
    }

    @PostMapping(value = "/registrations/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        try {
            registrations.confirm(token);
            return page(HttpStatus.OK, "Your email address is confirmed. You can sign in now.");
        } catch (ProblemException e) {
            return page(e.status(), e.getMessage());
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(Html.page("Email confirmation", "<p>" + Html.escape(text) + "</p><p><a href=\"/login\">Sign in"
                        + "</a></p>"));
    }
}
