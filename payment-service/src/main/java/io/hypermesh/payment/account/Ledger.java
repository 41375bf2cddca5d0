package io.hypermesh.payment.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of balances. Posting an entry opens missing wallet and stake accounts, locks every
 * account the entry touches in id order, refuses any leg that would take a balance below zero, saves
 * the balances and appends the entry with its postings — one database call (post_entry, migration
 * V9) in the caller's transaction, so a refusal anywhere leaves nothing behind.
 */
@Service
public class Ledger {

    private final AccountRepository accounts;
    private final JournalRepository journal;
    private final Clock clock;

    Ledger(AccountRepository accounts, JournalRepository journal, Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public PostedEntry post(JournalEntry entry) {
        List<JournalEntry.Leg> legs = entry.legs();
        long[] balanceChanges = new long[legs.size()];
        for (int i = 0; i < legs.size(); i++) {
            balanceChanges[i] = legs.get(i).account().kind().balanceChange(legs.get(i).amount());
        }
        JournalRepository.Posting posted = journal.post(entry, balanceChanges);
        if (posted.entryId() == null) {
            int refused = indexOf(legs, posted.shortAccount());
            throw new InsufficientFundsException(legs.get(refused).account().kind(), Money.ofMicro(posted.available()),
                    Money.ofMicro(-balanceChanges[refused]));
        }
        List<PostedEntry.Posting> postings = legs.stream()
                .map(leg -> new PostedEntry.Posting(leg.account().code(), leg.amount())).toList();
        return new PostedEntry(posted.entryId(), entry.kind(), entry.memo(), entry.createdBy(), entry.createdAt(), postings);
    }

    private static int indexOf(List<JournalEntry.Leg> legs, String code) {
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).account().code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("post_entry refused an account the entry does not touch: " + code);
    }

    /**
     * Locks accounts (opening missing ones) in the same global order as {@link #post}, for a decision
     * that must hold until the transaction ends; posting to them afterwards takes no further locks.
     */
    @Transactional
    public Map<AccountRef, Money> lock(Collection<AccountRef> refs) {
        Map<String, Account> locked = lockAccounts(refs);
        Map<AccountRef, Money> balances = new HashMap<>();
        refs.forEach(ref -> balances.put(ref, locked.get(ref.code()).balance()));
        return balances;
    }

    /** The current balance; an account never used holds nothing (it is opened on first movement). */
    @Transactional(readOnly = true)
    public Money balanceOf(AccountRef ref) {
        return accounts.findByCode(ref.code()).map(Account::balance).orElse(Money.ZERO);
    }

    @Transactional(readOnly = true)
    public Supply supply() {
        return accounts.supply();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<PostedEntry> entry(long id) {
        return journal.findEntry(id);
    }

    @Transactional(readOnly = true)
    public List<StatementLine> statement(AccountRef ref, long after, int limit) {
        return journal.statement(ref.code(), after, limit);
    }

    /** The clock's now at the database's precision, for entries built by callers. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Map<String, Account> lockAccounts(Collection<AccountRef> refs) {
        Map<String, AccountRef> byCode = new TreeMap<>();
        refs.forEach(ref -> byCode.put(ref.code(), ref));
        openMissing(byCode);
        Map<String, Account> locked = new HashMap<>();
        accounts.lockInIdOrder(byCode.keySet()).forEach(account -> locked.put(account.code(), account));
        return locked;
    }

    // Opened in code order and before any lock is taken, so two first uses of the same accounts cannot deadlock.
    private void openMissing(Map<String, AccountRef> byCode) {
        List<String> existing = accounts.existingCodes(byCode.keySet());
        if (existing.size() == byCode.size()) {
            return;
        }
        Instant now = now();
        byCode.forEach((code, ref) -> {
            if (!existing.contains(code)) {
                if (ref.system()) {
                    throw new IllegalStateException("system account " + code + " is missing; the migrations create it");
                }
                accounts.openIfAbsent(ref, now);
            }
        });
    }
}
