package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The ledger could not be reached or asked: nothing was deployed that the registry knows of; retry later. */
class LedgerUnavailableException extends ProblemException {

    LedgerUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "ledger-unavailable", "Ledger unavailable",
                detail + ". The version stays a draft; retry with the same Idempotency-Key.", cause);
        getHeaders().set("Retry-After", "10");
    }
}
