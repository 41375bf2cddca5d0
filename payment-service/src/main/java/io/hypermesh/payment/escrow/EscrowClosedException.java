package io.hypermesh.payment.escrow;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The hold was already settled, released or expired: the first of those won, and it is final. */
class EscrowClosedException extends ProblemException {

    EscrowClosedException(UUID id, EscrowStatus status) {
        super(HttpStatus.CONFLICT, "escrow-closed", "Escrow already closed",
                "Escrow " + id + " is already " + status.sql() + "; a hold is settled, released or expired exactly once.");
        getBody().setProperty("escrowStatus", status.sql());
    }
}
