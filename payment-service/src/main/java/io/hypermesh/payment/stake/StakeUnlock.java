package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import java.time.Instant;

/** A request to take stake back, released to the wallet once {@code availableAt} has passed. */
record StakeUnlock(Long id, String identity, Money amount, Instant requestedAt, Instant availableAt, String status,
        Money releasedAmount, Instant releasedAt) {

    static final String PENDING = "pending";
    static final String RELEASED = "released";

    static StakeUnlock requested(String identity, Money amount, Instant requestedAt, Instant availableAt) {
        return new StakeUnlock(null, identity, amount, requestedAt, availableAt, PENDING, null, null);
    }

    boolean dueAt(Instant now) {
        return PENDING.equals(status) && !now.isBefore(availableAt);
    }

    /** What may go back to the wallet: the request, or less if slashes left less in the stake account. */
    Money releasableFrom(Money stakeBalance) {
        if (!PENDING.equals(status)) {
            throw new IllegalStateException("unlock " + id + " was already released");
        }
        return amount.min(stakeBalance);
    }
}
