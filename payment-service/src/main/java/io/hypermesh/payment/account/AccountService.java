package io.hypermesh.payment.account;

import io.hypermesh.payment.web.Caller;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads of accounts and the journal, each checked against who is asking. */
@Service
class AccountService {

    private final Ledger ledger;

    AccountService(Ledger ledger) {
        this.ledger = ledger;
    }

    AccountResponse account(String identity, Caller caller) {
        requireVisible(identity, caller);
        return new AccountResponse(identity, ledger.balanceOf(AccountRef.wallet(identity)).micro(),
                ledger.balanceOf(AccountRef.stake(identity)).micro());
    }

    StatementResponse statement(String identity, long after, int limit, Caller caller) {
        requireVisible(identity, caller);
        // One more than asked tells whether a next page exists without a count query.
        List<StatementLine> lines = ledger.statement(AccountRef.wallet(identity), after, limit + 1);
        boolean more = lines.size() > limit;
        List<StatementLine> page = more ? lines.subList(0, limit) : lines;
        String next = more ? String.valueOf(page.get(page.size() - 1).postingId()) : null;
        return new StatementResponse(identity, List.copyOf(page), next);
    }

    EntryResponse entry(long id, Caller caller) {
        PostedEntry entry = ledger.entry(id).orElseThrow(() -> new EntryNotFoundException(id));
        if (!caller.operator() && !entry.involves(caller.identity())) {
            throw new EntryNotFoundException(id);
        }
        return EntryResponse.of(entry);
    }

    SupplyResponse supply() {
        return SupplyResponse.of(ledger.supply());
    }

    private static void requireVisible(String identity, Caller caller) {
        if (!caller.maySee(identity)) {
            throw new AccountNotFoundException(identity);
        }
    }
}
