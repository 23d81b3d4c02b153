package uk.encounters.identity.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.account.AccountView;

/** Open endpoints: anyone may register as an employer; the confirmation link's secret is the credential. */
@RestController
class RegistrationController {

    static final String ACCEPTED = "If this email can be registered, a confirmation link is on its way to it.";

    private final EmployerRegistrations registrations;

    RegistrationController(EmployerRegistrations registrations) {
        this.registrations = registrations;
    }

    record Register(@NotBlank @Email @Size(max = 254) String email, @NotNull String password,
                    @NotBlank @Size(max = 200) String organisationName) {

        @Override
        public String toString() {
            return "Register[...]";
        }
    }

    @PostMapping("/api/v1/employers/registrations")
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody Register request) {
        registrations.register(request.email(), request.password(), request.organisationName().strip());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("detail", ACCEPTED));
    }

    @PostMapping("/api/v1/registrations/{token}/confirm")
    AccountView confirm(@PathVariable String token) {
        return registrations.confirm(token);
    }
}
