package io.hypermesh.payment.transfer;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.EntryKind;
import io.hypermesh.payment.account.JournalEntry;
import io.hypermesh.payment.account.Ledger;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.account.PostedEntry;
import io.hypermesh.payment.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TransferService {

    private final Ledger ledger;

    TransferService(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Credits the issuance account and debits the wallet: supply and the sum of balances grow together. */
    @Transactional
    PostedEntry mint(MintRequest request, Caller operator) {
        return ledger.post(JournalEntry.move(EntryKind.MINT, AccountRef.MINT, AccountRef.wallet(request.account()),
                Money.positive(request.amount()), request.memo(), operator.identity(), ledger.now()));
    }

    @Transactional
    PostedEntry transfer(TransferRequest request, Caller payer) {
        if (payer.identity().equals(request.to())) {
            throw new SelfTransferException();
        }
        return ledger.post(JournalEntry.move(EntryKind.TRANSFER, AccountRef.wallet(payer.identity()),
                AccountRef.wallet(request.to()), Money.positive(request.amount()), request.memo(), payer.identity(),
                ledger.now()));
    }
}
