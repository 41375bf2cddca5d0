package io.hypermesh.payment.faucet;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.EntryKind;
import io.hypermesh.payment.account.JournalEntry;
import io.hypermesh.payment.account.Ledger;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.account.PostedEntry;
import io.hypermesh.payment.config.PaymentProperties;
import io.hypermesh.payment.web.Caller;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Development grants: an ordinary mint entry, at most one per identity per window, counted in PostgreSQL. */
@Service
class FaucetService {

    static final String MEMO = "development faucet";

    private final Ledger ledger;
    private final FaucetRepository windows;
    private final PaymentProperties.Faucet faucet;

    FaucetService(Ledger ledger, FaucetRepository windows, PaymentProperties properties) {
        this.ledger = ledger;
        this.windows = windows;
        this.faucet = properties.faucet();
    }

    @Transactional
    PostedEntry grant(Caller claimant) {
        Instant now = ledger.now();
        if (!windows.claimWindow(claimant.identity(), now, now.minus(faucet.window()))) {
            Instant last = windows.lastGrant(claimant.identity()).orElse(now);
            throw new FaucetRateLimitedException(last.plus(faucet.window()), now);
        }
        PostedEntry entry = ledger.post(JournalEntry.move(EntryKind.MINT, AccountRef.MINT, AccountRef.wallet(claimant.identity()),
                Money.positive(faucet.amount()), MEMO, claimant.identity(), now));
        windows.recordEntry(claimant.identity(), entry.id());
        return entry;
    }
}
