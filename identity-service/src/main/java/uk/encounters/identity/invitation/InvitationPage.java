package uk.encounters.identity.invitation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.web.Html;
import uk.encounters.platform.web.ProblemException;

/** Where the invitation mail's link leads a person: choose a password, which activates the account. */
@RestController
class InvitationPage {

    private final Invitations invitations;

    InvitationPage(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping(value = "/invitations/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token, CsrfToken csrf) {
        if (!invitations.linkWorks(token)) {
            return page(HttpStatus.NOT_FOUND, "Invitation", Invitations.noSuchLink().getMessage());
        }
        return page(HttpStatus.OK, "Choose your password", Html.form("/invitations/" + token, csrf,
                "<p><label>Password (at least 12 characters)<br><input type=\"password\" name=\"password\" "
                        + "autocomplete=\"new-password\" required minlength=\"12\"></label></p>",
                "Activate my account"));
    }

    @PostMapping(value = "/invitations/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> accept(@PathVariable String token, @RequestParam(defaultValue = "") String password) {
        try {
            invitations.accept(token, password);
            return page(HttpStatus.OK, "Account activated",
                    "<p>Your account is ready. <a href=\"/login\">Sign in</a> with your email address.</p>");
        } catch (ProblemException e) {
            return page(e.status(), "Invitation", e.getMessage());
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(Html.page(title, body.startsWith("<") ? body : "<p>" + Html.escape(body) + "</p>"));
    }
}
