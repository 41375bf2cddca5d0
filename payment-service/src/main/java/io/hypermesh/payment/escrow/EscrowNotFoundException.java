package io.hypermesh.payment.escrow;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class EscrowNotFoundException extends ProblemException {

    EscrowNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "escrow-not-found", "Escrow not found", "There is no escrow " + id + " that you may see.");
    }
}
