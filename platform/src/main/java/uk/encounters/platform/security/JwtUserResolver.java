package uk.encounters.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import uk.encounters.platform.identity.ActingUser;
import uk.encounters.platform.identity.CurrentUserResolver;

/** The acting user recorded on commands and events is the token's account id ({@code sub}), never a name. */
public final class JwtUserResolver implements CurrentUserResolver {

    @Override
    public Optional<ActingUser> resolve(HttpServletRequest request) {
        return Callers.find().map(caller -> new ActingUser(caller.accountId()));
    }
}
