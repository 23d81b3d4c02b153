package uk.encounters.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The one seam where a request's acting user is worked out. Command handlers never look at requests; the bearer
 * token's account id ({@link uk.encounters.platform.security.JwtUserResolver}) is the implementation.
 */
public interface CurrentUserResolver {

    Optional<ActingUser> resolve(HttpServletRequest request);
}
