package io.hypermesh.payment.idempotency;

import io.hypermesh.payment.config.PaymentProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets stored replies after the retention period, as the draft allows: a key older than that may
 * be used afresh. The journal keeps every movement regardless.
 */
@Component
class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final IdempotencyRepository replies;
    private final PaymentProperties properties;
    private final Clock clock;

    IdempotencyKeyExpiry(IdempotencyRepository replies, PaymentProperties properties, Clock clock) {
        this.replies = replies;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    int forgetExpired() {
        int forgotten = replies.deleteCreatedBefore(clock.instant().minus(properties.idempotency().retention()));
        if (forgotten > 0) {
            log.info("Forgot {} stored idempotent replies older than {}", forgotten, properties.idempotency().retention());
        }
        return forgotten;
    }
}
