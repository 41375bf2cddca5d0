package io.hypermesh.payment.pricing;

import io.hypermesh.service.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public class QuoteExpiredException extends ProblemException {

    QuoteExpiredException(UUID id, Instant expiredAt) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "quote-expired", "Quote expired",
                "Quote " + id + " expired at " + expiredAt + "; ask for a new one.");
    }
}
