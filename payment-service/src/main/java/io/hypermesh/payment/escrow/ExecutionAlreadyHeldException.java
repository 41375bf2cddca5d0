package io.hypermesh.payment.escrow;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class ExecutionAlreadyHeldException extends ProblemException {

    ExecutionAlreadyHeldException(String executionId) {
        super(HttpStatus.CONFLICT, "escrow-exists", "Execution already has an escrow",
                "Execution '" + executionId + "' already has a hold; one execution is paid from one escrow. "
                        + "Retry the original request with its Idempotency-Key to get that hold back.");
        getBody().setProperty("field", "executionId");
    }
}
