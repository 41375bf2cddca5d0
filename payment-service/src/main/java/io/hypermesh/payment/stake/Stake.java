package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * An identity's stake: what its stake account holds, and how much of that is already on its way
 * out. Only the bonded part counts for proof of stake and may be asked back.
 */
record Stake(String identity, Money total, Money pendingUnlocks) {

    /** Pending unlocks may exceed the total after a slash; the excess simply cannot be released. */
    Money unlocking() {
        return pendingUnlocks.min(total);
    }

    Money bonded() {
        return total.minus(unlocking());
    }

    StakeUnlock requestUnlock(Money amount, Instant now, Duration delay) {
        if (bonded().isLessThan(amount)) {
            throw new InsufficientStakeException(bonded(), amount);
        }
        return StakeUnlock.requested(identity, amount, now, now.plus(delay));
    }
}
