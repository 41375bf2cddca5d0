package io.hypermesh.payment.account;

import io.hypermesh.payment.idempotency.OneCall;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The only writer of balances. Posting an entry opens missing wallet and stake accounts, locks every
 * account the entry touches in id order, refuses any leg that would take a balance below zero, saves
 * the balances and appends the entry with its postings — one database call (post_entry, migration
 * V9) in the caller's transaction, so a refusal anywhere leaves nothing behind; or, for a movement that
 * is its own request, that call with the Idempotency-Key's claim and stored reply (post_entry_once, V11).
 */
@Service
public class Ledger {

    private final AccountRepository accounts;
    private final JournalRepository journal;
    private final Clock clock;
    private final JsonMapper json;

    Ledger(AccountRepository accounts, JournalRepository journal, Clock clock, JsonMapper json) {
        this.accounts = accounts;
        this.journal = journal;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public PostedEntry post(JournalEntry entry) {
        List<JournalEntry.Leg> legs = entry.legs();
        long[] balanceChanges = balanceChanges(legs);
        JournalRepository.Posting posted = journal.post(entry, balanceChanges);
        if (posted.entryId() == null) {
            int refused = indexOf(legs, posted.shortAccount());
            throw new InsufficientFundsException(legs.get(refused).account().kind(), Money.ofMicro(posted.available()),
                    Money.ofMicro(-balanceChanges[refused]));
        }
        return new PostedEntry(posted.entryId(), entry.kind(), entry.memo(), entry.createdBy(), entry.createdAt(),
                postings(legs));
    }

    /**
     * Posts the entry at most once per Idempotency-Key and stores its reply — the entry as
     * {@link EntryResponse} JSON at {@code locationBeforeId + id} — in one statement that is its own
     * transaction (post_entry_once, migration V11): the same checks and locks as {@link #post}, plus the
     * key's claim. Deliberately not {@code @Transactional}, and must not be called inside a transaction:
     * the claim has to end with the commit that makes the reply visible, and the point is one round trip.
     * An overdraft throws {@link InsufficientFundsException} and leaves nothing behind.
     */
    public OneCall.Outcome postOnce(JournalEntry entry, OneCall.Claim claim, String locationBeforeId) {
        List<JournalEntry.Leg> legs = entry.legs();
        long[] balanceChanges = balanceChanges(legs);
        // The id is the reply's first field: render the reply with id 0 and let the database put the real one in.
        String rendered = json.writeValueAsString(EntryResponse.of(new PostedEntry(0, entry.kind(), entry.memo(),
                entry.createdBy(), entry.createdAt(), postings(legs))));
        String idZero = "{\"id\":0,";
        if (!rendered.startsWith(idZero)) {
            throw new IllegalStateException("an entry's JSON no longer starts with its id: " + rendered);
        }
        JournalRepository.ReplyTemplate reply = new JournalRepository.ReplyTemplate(201, locationBeforeId,
                "{\"id\":", rendered.substring(idZero.length() - 1));
        JournalRepository.Once once = journal.postOnce(entry, balanceChanges, claim, reply);
        if (once.shortAccount() != null) {
            int refused = indexOf(legs, once.shortAccount());
            throw new InsufficientFundsException(legs.get(refused).account().kind(), Money.ofMicro(once.available()),
                    Money.ofMicro(-balanceChanges[refused]));
        }
        return once.outcome();
    }

    private static long[] balanceChanges(List<JournalEntry.Leg> legs) {
        long[] balanceChanges = new long[legs.size()];
        for (int i = 0; i < legs.size(); i++) {
            balanceChanges[i] = legs.get(i).account().kind().balanceChange(legs.get(i).amount());
        }
        return balanceChanges;
    }

    private static List<PostedEntry.Posting> postings(List<JournalEntry.Leg> legs) {
        return legs.stream().map(leg -> new PostedEntry.Posting(leg.account().code(), leg.amount())).toList();
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
