package io.hypermesh.ledger.client;

import io.hypermesh.protocol.Identity;

/**
 * How much CAES an identity has staked, as payment-service knows it.
 *
 * <p><b>Not wired yet:</b> payment-service has no stake API so far, and this service ships no
 * implementation. While no bean of this type exists, every operation type whose configured minimum stake
 * is 0 (the default) needs no lookup, and a type with a minimum above 0 is refused with 503
 * {@code stake-unavailable} rather than accepted unchecked. The implementation to add is an
 * {@code @HttpExchange} client with timeouts, a short cache and a Resilience4j circuit breaker; an
 * unreachable payment-service must surface as {@link StakeUnavailableException}.
 */
public interface StakeClient {

    /** The identity's staked amount in micro-CAES. */
    long stakedMicroCaes(Identity identity) throws StakeUnavailableException;

    /** The stake could not be learned (payment-service down, circuit open, timeout). */
    class StakeUnavailableException extends RuntimeException {

        public StakeUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
