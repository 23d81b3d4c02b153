package uk.encounters.identity.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import uk.encounters.platform.web.ProblemException;

/**
 * Password rules and hashing. Hashes carry their encoder's prefix ({@code {bcrypt}...}) through Spring's delegating
 * encoder, so the default can change later and old hashes are upgraded at the next sign-in.
 */
@Component
public class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** Why this password is not acceptable, if it is not. Long passphrases beat composition rules (NIST 800-63B). */
    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long");
        }
        if (password.isBlank()) {
            return Optional.of("must not be only spaces");
        }
        return Optional.empty();
    }

    /** Checks the rules (422 naming the field) and returns the hash to store. */
    public String hashAcceptable(String field, String password) {
        problem(password).ifPresent(message -> {
            throw ProblemException.unprocessable(field, "The password " + message + ".");
        });
        return encoder.encode(password);
    }

    public String hash(String secret) {
        return encoder.encode(secret);
    }
}
