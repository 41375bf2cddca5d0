package io.hypermesh.payment.account;

import java.time.Instant;

/** One posting on the holder's own account: a signed amount (+ in, - out) and the balance it left. */
public record StatementLine(long postingId, long entryId, String kind, long amount, long balanceAfter,
        String counterparty, String memo, Instant createdAt) {
}
