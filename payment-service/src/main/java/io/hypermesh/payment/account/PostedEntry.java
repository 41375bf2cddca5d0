package io.hypermesh.payment.account;

import java.time.Instant;
import java.util.List;

/** A journal entry as recorded. Postings show accounts and amounts, never another holder's balance. */
public record PostedEntry(long id, EntryKind kind, String memo, String createdBy, Instant createdAt,
        List<Posting> postings) {

    public record Posting(String account, long amount) {
    }

    /** True when {@code identity} owns an account this entry touched. */
    boolean involves(String identity) {
        return postings.stream().anyMatch(posting -> posting.account().equals(AccountRef.wallet(identity).code())
                || posting.account().equals(AccountRef.stake(identity).code()));
    }
}
