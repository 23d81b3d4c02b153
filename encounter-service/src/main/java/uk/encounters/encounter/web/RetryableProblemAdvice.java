package uk.encounters.encounter.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.encounters.encounter.encounter.RetryableProblem;

/**
 * Tells clients which conflicts go away by themselves: {@code retryable: true} and a {@code Retry-After} header.
 * Ordered first because advice beans are asked in order and the platform's advice would take any ProblemException.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryableProblemAdvice {

    @ExceptionHandler(RetryableProblem.class)
    ResponseEntity<ProblemDetail> retryable(RetryableProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("retryable", true);
        problem.setProperty("errors", e.errors());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }
}
