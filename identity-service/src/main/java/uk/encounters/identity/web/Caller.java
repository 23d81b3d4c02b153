package uk.encounters.identity.web;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.encounters.identity.account.Role;
import uk.encounters.platform.web.ProblemException;

/**
 * Who is calling this service's own API, from one of its own access tokens.
 *
 * @param clientId set when the token came from an integration client, null for a person's sign-in
 */
public record Caller(String accountId, Role role, String tenantId, String clientId) {

    public static Caller of(Jwt jwt) {
        Role role;
        try {
            role = Role.valueOf(jwt.getClaimAsString("role"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw forbidden();
        }
        return new Caller(jwt.getSubject(), role, jwt.getClaimAsString("tenant"), jwt.getClaimAsString("client_id"));
    }

    /** Refuses any other role with 403, which says nothing about the resource asked for. */
    public Caller requireRole(Set<Role> allowed) {
        if (!allowed.contains(role)) {
            throw forbidden();
        }
        return this;
    }

    public static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "Your role does not allow this request.", List.of());
    }
}
