package io.hypermesh.payment.pricing;

import java.time.Instant;
import java.util.UUID;

/** A price promised to one identity until {@code expiresAt}, computed with one rate-card version. */
record Quote(UUID id, String requestedBy, int rateCardVersion, Requirements resources, long durationSeconds,
        PrivacyLevel privacy, int redundancy, Price price, Instant createdAt, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The quote, if it may still be used at {@code now}; escrow holds call this. */
    Quote honour(Instant now) {
        if (expiredAt(now)) {
            throw new QuoteExpiredException(id, expiresAt);
        }
        return this;
    }
}
