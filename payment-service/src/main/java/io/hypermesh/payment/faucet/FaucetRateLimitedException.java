package io.hypermesh.payment.faucet;

import io.hypermesh.service.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The caller already took its grant in the current window: 429 with when the next one is possible. */
class FaucetRateLimitedException extends ProblemException {

    FaucetRateLimitedException(Instant availableAt, Instant now) {
        super(HttpStatus.TOO_MANY_REQUESTS, "faucet-rate-limited", "Faucet grant already taken",
                "This identity has already taken its faucet grant in the current window; try again at " + availableAt + ".");
        getBody().setProperty("availableAt", availableAt.toString());
        long seconds = Math.max(1, Duration.between(now, availableAt).toSeconds() + 1);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
