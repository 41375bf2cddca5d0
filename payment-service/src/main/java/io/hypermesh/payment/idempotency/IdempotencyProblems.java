package io.hypermesh.payment.idempotency;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of the Idempotency-Key protocol (draft-ietf-httpapi-idempotency-key-header). */
final class IdempotencyProblems {

    static final String HEADER = "Idempotency-Key";

    private IdempotencyProblems() {
    }

    static ProblemException missing() {
        return withHeader(new ProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key required",
                "This operation moves money: send an Idempotency-Key header (a fresh unique value per operation, "
                        + "the same value when retrying it)."));
    }

    static ProblemException invalid() {
        return withHeader(new ProblemException(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Idempotency-Key invalid",
                "The Idempotency-Key header must be 1 to 255 printable ASCII characters, optionally in double quotes."));
    }

    static ProblemException reused() {
        return withHeader(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key reused", "This Idempotency-Key was already used for a different request; "
                        + "use a fresh key for a new operation."));
    }

    static ProblemException inFlight() {
        return withHeader(new ProblemException(HttpStatus.CONFLICT, "idempotency-in-flight", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry after it completes."));
    }

    private static ProblemException withHeader(ProblemException problem) {
        problem.getBody().setProperty("header", HEADER);
        return problem;
    }
}
