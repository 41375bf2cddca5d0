package io.hypermesh.payment.escrow;

import io.hypermesh.service.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Past its expiry a hold can no longer be settled: the client was promised its money back by then. */
class EscrowExpiredException extends ProblemException {

    EscrowExpiredException(UUID id, Instant expiresAt) {
        super(HttpStatus.CONFLICT, "escrow-expired", "Escrow expired",
                "Escrow " + id + " expired at " + expiresAt + " and is being refunded to the client; it can no longer be settled.");
        getBody().setProperty("expiresAt", expiresAt.toString());
    }
}
