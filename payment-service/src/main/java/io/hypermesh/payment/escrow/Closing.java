package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import java.time.Instant;

/** How a hold was closed: by whom, when, with which journal entry, and where every micro-CAES went. */
record Closing(String closedBy, long entryId, Instant closedAt, Money paidForUsage, Money paidAsBonus, Money platformFee,
        Money refunded) {

    static Closing settled(Settlement settlement, String by, long entryId, Instant at) {
        return new Closing(by, entryId, at, settlement.usage(), settlement.bonus(), settlement.platformFee(),
                settlement.refund());
    }

    static Closing refunded(Money amount, String by, long entryId, Instant at) {
        return new Closing(by, entryId, at, Money.ZERO, Money.ZERO, Money.ZERO, amount);
    }
}
