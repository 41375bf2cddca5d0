package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;

/** One participating host's metered usage, already priced, and how its work went. */
record HostCharge(String host, Money usage, boolean succeeded, long durationSeconds) {
}
