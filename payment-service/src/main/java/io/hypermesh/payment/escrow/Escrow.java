package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.pricing.QuoteTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CAES of a client locked for one execution. The status moves once, from {@code HELD} to exactly one
 * of {@code SETTLED}, {@code RELEASED} or {@code EXPIRED}; each transition below refuses any other
 * starting point. The service calls them on a row it has locked, and writes the new status with a
 * conditional update, so two racing closers can never both succeed.
 */
record Escrow(UUID id, String client, UUID quoteId, String executionId, Money amount, EscrowStatus status, String heldBy,
        long holdEntryId, Instant createdAt, Instant expiresAt) {

    /**
     * A new hold against an honoured quote. It must cover the quoted total; it may hold more (room for
     * bonuses). It expires once the quoted duration and the grace period have passed unsettled.
     */
    static Escrow hold(UUID id, String client, QuoteTerms quote, String executionId, Money amount, String heldBy,
            Instant now, Duration grace) {
        if (amount.isLessThan(quote.total())) {
            throw new HoldBelowQuoteException(amount, quote.total());
        }
        return new Escrow(id, client, quote.id(), executionId, amount, EscrowStatus.HELD, heldBy, 0, now,
                now.plusSeconds(quote.durationSeconds()).plus(grace));
    }

    Escrow withHoldEntry(long entryId) {
        return new Escrow(id, client, quoteId, executionId, amount, status, heldBy, entryId, createdAt, expiresAt);
    }

    /** The same hold in its closed state, for answers built in the closing transaction. */
    Escrow closedAs(EscrowStatus closed) {
        return new Escrow(id, client, quoteId, executionId, amount, closed, heldBy, holdEntryId, createdAt, expiresAt);
    }

    AccountRef account() {
        return AccountRef.escrow(id, client);
    }

    boolean overdueAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Divides the hold among hosts, platform and client; only an open hold that has not expired may be settled. */
    Settlement settle(List<HostCharge> charges, long quotedDurationSeconds, SettlementRule rule, Instant now) {
        requireHeld();
        if (overdueAt(now)) {
            throw new EscrowExpiredException(id, expiresAt);
        }
        return Settlement.divide(amount, quotedDurationSeconds, charges, rule);
    }

    /** The whole hold back to the client: the execution failed or was cancelled. Allowed until the hold is closed. */
    Money release() {
        requireHeld();
        return amount;
    }

    /** The whole hold back to the client because nobody settled or released it in time. */
    Money expire(Instant now) {
        requireHeld();
        if (!overdueAt(now)) {
            throw new IllegalStateException("escrow " + id + " is not due until " + expiresAt);
        }
        return amount;
    }

    private void requireHeld() {
        if (status != EscrowStatus.HELD) {
            throw new EscrowClosedException(id, status);
        }
    }
}
