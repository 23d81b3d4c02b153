package uk.encounters.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * DEVELOPMENT ONLY, until sign-in exists: trusts the {@value #HEADER} request header as the acting user's id,
 * which anybody can forge. Requests without it act as {@value #ANONYMOUS}.
 */
public final class DevelopmentHeaderUserResolver implements CurrentUserResolver {

    public static final String HEADER = "X-Dev-User";
    static final String ANONYMOUS = "dev-anonymous";

    @Override
    public Optional<ActingUser> resolve(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        return Optional.of(new ActingUser(header == null || header.isBlank() ? ANONYMOUS : header.strip()));
    }
}
