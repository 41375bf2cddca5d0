package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;

/** What one host receives from a settlement: its usage charge and its performance bonus. */
record Payout(String host, Money usage, Money bonus) {

    Money total() {
        return usage.plus(bonus);
    }
}
