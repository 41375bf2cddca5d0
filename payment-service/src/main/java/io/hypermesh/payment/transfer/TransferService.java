package io.hypermesh.payment.transfer;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.EntryKind;
import io.hypermesh.payment.account.JournalEntry;
import io.hypermesh.payment.account.Ledger;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.idempotency.OneCall;
import io.hypermesh.payment.web.Caller;
import org.springframework.stereotype.Service;

/**
 * Mints and transfers, each one statement in its own transaction ({@link Ledger#postOnce}): no
 * {@code @Transactional} here on purpose.
 */
@Service
class TransferService {

    private final Ledger ledger;

    TransferService(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Credits the issuance account and debits the wallet: supply and the sum of balances grow together. */
    OneCall.Outcome mint(MintRequest request, Caller operator, OneCall.Claim claim, String locationBeforeId) {
        return ledger.postOnce(JournalEntry.move(EntryKind.MINT, AccountRef.MINT, AccountRef.wallet(request.account()),
                Money.positive(request.amount()), request.memo(), operator.identity(), ledger.now()), claim, locationBeforeId);
    }

    /** The controller has refused a transfer to the payer itself already. */
    OneCall.Outcome transfer(TransferRequest request, Caller payer, OneCall.Claim claim, String locationBeforeId) {
        return ledger.postOnce(JournalEntry.move(EntryKind.TRANSFER, AccountRef.wallet(payer.identity()),
                AccountRef.wallet(request.to()), Money.positive(request.amount()), request.memo(), payer.identity(),
                ledger.now()), claim, locationBeforeId);
    }
}
