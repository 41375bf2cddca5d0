package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.Money;
import java.time.Instant;

/** A cut of an identity's stake, moved to the treasury, with the reason and who decided it. */
record Slash(long id, String identity, Money amount, String reason, String slashedBy, long entryId, Instant createdAt) {
}
