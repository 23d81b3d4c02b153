package uk.encounters.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out, with the status and the words a person can act on. Thrown by controllers
 * and command handlers alike; rendered as RFC 9457 problem details by {@link ProblemDetailsAdvice}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    /** The caller's role may not do this; says nothing about the resource (whether it exists, whose it is). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail, List.of());
    }

    /** A well-formed request that breaks a rule; names the offending fields or CSV lines. */
    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors);
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(message, List.of(new FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One offending input: a JSON field ({@code places}), or a CSV cell ({@code line 12: UPN}). */
    public record FieldError(String field, String message) {
    }
}
