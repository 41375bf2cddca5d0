package io.hypermesh.payment.pricing;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class RateCardNotFoundException extends ProblemException {

    RateCardNotFoundException(int version) {
        super(HttpStatus.NOT_FOUND, "rate-card-not-found", "Rate card not found", "There is no rate card version " + version + ".");
    }
}
