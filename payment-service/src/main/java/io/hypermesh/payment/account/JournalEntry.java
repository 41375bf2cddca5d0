package io.hypermesh.payment.account;

import java.time.Instant;
import java.util.List;

/**
 * A balanced journal entry before it is posted: legs with signed amounts (+ debit, - credit) that
 * sum to zero. The constructor refuses anything else, so an unbalanced entry cannot be built.
 */
public record JournalEntry(EntryKind kind, String memo, String createdBy, Instant createdAt, List<Leg> legs) {

    public record Leg(AccountRef account, long amount) {
    }

    public JournalEntry {
        legs = List.copyOf(legs);
        if (legs.size() < 2) {
            throw new IllegalArgumentException("a journal entry needs at least two legs");
        }
        long sum = 0;
        for (Leg leg : legs) {
            if (leg.amount() == 0) {
                throw new IllegalArgumentException("a leg never moves zero");
            }
            sum = Math.addExact(sum, leg.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("a journal entry must balance; its legs sum to " + sum);
        }
        if (legs.stream().map(leg -> leg.account().code()).distinct().count() != legs.size()) {
            throw new IllegalArgumentException("a journal entry names each account once");
        }
    }

    /** Moves {@code amount} from one account to another: credit the source, debit the destination. */
    public static JournalEntry move(EntryKind kind, AccountRef from, AccountRef to, Money amount, String memo,
            String createdBy, Instant createdAt) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("a movement moves something");
        }
        return new JournalEntry(kind, memo, createdBy, createdAt,
                List.of(new Leg(from, -amount.micro()), new Leg(to, amount.micro())));
    }
}
