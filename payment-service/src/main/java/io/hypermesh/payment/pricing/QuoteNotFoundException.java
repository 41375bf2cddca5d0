package io.hypermesh.payment.pricing;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class QuoteNotFoundException extends ProblemException {

    QuoteNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "quote-not-found", "Quote not found", "There is no quote " + id + " that you may see.");
    }
}
