package uk.encounters.encounter.encounter;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import uk.encounters.platform.web.ProblemException;

/**
 * A conflict that time resolves: the request is right as far as anyone can tell, but this service has not yet heard
 * of something it refers to. Rendered as 409 with {@code retryable: true} and a {@code Retry-After} header.
 */
public class RetryableProblem extends ProblemException {

    private final Duration retryAfter;

    public RetryableProblem(String detail, List<FieldError> errors, Duration retryAfter) {
        super(HttpStatus.CONFLICT, detail, errors);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
