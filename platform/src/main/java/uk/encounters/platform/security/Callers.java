package uk.encounters.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.encounters.platform.web.ProblemException;

/** The caller of the request being served, for the services' access checks. */
public final class Callers {

    private Callers() {
    }

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** The signed-in caller; the filter chain lets no unauthenticated request reach the API, so none is a 401. */
    public static Caller current() {
        return find().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED,
                "Sign in: this request needs a valid bearer token.", List.of()));
    }

    /**
     * The caller, if their role is one of {@code allowed}; otherwise 403. The refusal names roles only, so it says
     * nothing about the resource asked for (whether it exists, whose it is).
     */
    public static Caller withRole(Role... allowed) {
        Caller caller = current();
        if (Arrays.asList(allowed).contains(caller.role())) {
            return caller;
        }
        throw ProblemException.forbidden("This is for " + Arrays.stream(allowed).map(Role::words)
                .collect(Collectors.joining(" or ")) + "; you are signed in as " + caller.role().words() + ".");
    }
}
