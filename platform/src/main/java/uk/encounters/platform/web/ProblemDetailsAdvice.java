package uk.encounters.platform.web;

import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Every error leaves the services as RFC 9457 problem details, with the offending fields under {@code errors}. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        return problem(e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Nothing found with id " + e.getAggregateIdentifier() + ".", List.of());
    }

    /** An id of another kind of thing (a school's id where a shout-out's belongs) is, for this request, not found. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail wrongKind(IncompatibleAggregateException e) {
        return problem(HttpStatus.NOT_FOUND, "Nothing of the kind this request needs has that id.", List.of());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Something with this id exists already.", List.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this at the same time; reload and try again.",
                List.of());
    }

    /** Command handlers on another node wrap their exception; the details carry the problem when there is one. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof ProblemException cause) {
            return problem(cause);
        }
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ProblemException.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ProblemException.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            var error = new ProblemException.FieldError(field, "has a value of the wrong type or format");
            return ResponseEntity.badRequest().body(
                    problem(HttpStatus.BAD_REQUEST, field + " has a value of the wrong type or format", List.of(error)));
        }
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.", List.of()));
    }

    static ProblemDetail problem(HttpStatus status, String detail, List<ProblemException.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String summary(List<ProblemException.FieldError> errors) {
        return errors.isEmpty() ? "The request is not valid."
                : "Invalid " + String.join(", ", errors.stream().map(ProblemException.FieldError::field).distinct().toList())
                        + ": " + errors.getFirst().message();
    }
}
