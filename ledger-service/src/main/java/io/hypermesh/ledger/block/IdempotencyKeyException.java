package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class IdempotencyKeyException extends ProblemException {

    private IdempotencyKeyException(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static IdempotencyKeyException missing() {
        return new IdempotencyKeyException(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key missing",
                "Appending a block needs an Idempotency-Key header of 1 to 200 visible ASCII characters, so that a retry "
                        + "cannot append the operation twice.");
    }

    static IdempotencyKeyException reused() {
        return new IdempotencyKeyException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used by you for a different request; use a new key for a new operation.");
    }
}
