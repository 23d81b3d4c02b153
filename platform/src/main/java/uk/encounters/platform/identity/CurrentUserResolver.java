package uk.encounters.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The one seam where a request's acting user is worked out. Command handlers never look at requests; sign-in
 * replaces the implementation of this interface and nothing else.
 */
public interface CurrentUserResolver {

    Optional<ActingUser> resolve(HttpServletRequest request);
}
