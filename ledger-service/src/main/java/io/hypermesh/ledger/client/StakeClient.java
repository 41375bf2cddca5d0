package io.hypermesh.ledger.client;

import io.hypermesh.protocol.Identity;

/**
 * How much CAES an identity has staked, as payment-service knows it ({@link PaymentStakeClient}). Without
 * {@code HYPERMESH_PAYMENT_URL} no client exists, and a type whose minimum stake is above 0 is refused
 * with 503 {@code stake-unavailable} rather than accepted unchecked.
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
