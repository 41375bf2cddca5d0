package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Back-pressure: more appends are waiting for the group-commit writer than it may queue. Nothing was appended. */
class AppendQueueFullException extends ProblemException {

    static final int RETRY_AFTER_SECONDS = 1;

    AppendQueueFullException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "append-queue-full", "Append queue full", detail);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
}
