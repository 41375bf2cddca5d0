package io.hypermesh.payment.stake;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.EntryKind;
import io.hypermesh.payment.account.JournalEntry;
import io.hypermesh.payment.account.Ledger;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.account.PostedEntry;
import io.hypermesh.payment.config.PaymentProperties;
import io.hypermesh.payment.web.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stakes are balances of per-identity stake accounts, so locking, releasing and slashing are
 * ordinary journal entries and minted supply is untouched by all of them.
 */
@Service
class StakeService {

    /** Who the journal names for releases nobody asked for at that moment: the service itself. */
    static final String SYSTEM = "payment-service";
    private static final Logger log = LoggerFactory.getLogger(StakeService.class);
    private static final int RELEASE_BATCH = 100;

    private final Ledger ledger;
    private final StakeRepository stakes;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;

    StakeService(Ledger ledger, StakeRepository stakes, TransactionTemplate transactions, PaymentProperties properties) {
        this.ledger = ledger;
        this.stakes = stakes;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Transactional
    PostedEntry stake(StakeRequest request, Caller staker) {
        return ledger.post(JournalEntry.move(EntryKind.STAKE, AccountRef.wallet(staker.identity()),
                AccountRef.stake(staker.identity()), Money.positive(request.amount()), request.memo(), staker.identity(),
                ledger.now()));
    }

    @Transactional
    StakeUnlock requestUnlock(UnlockRequest request, Caller staker) {
        AccountRef account = AccountRef.stake(staker.identity());
        // Locking the stake account serialises unlock requests and slashes of this identity.
        Money total = ledger.lock(List.of(account)).get(account);
        Stake stake = new Stake(staker.identity(), total, stakes.pendingUnlocks(staker.identity()));
        Instant now = ledger.now();
        return stakes.insertUnlock(stake.requestUnlock(Money.positive(request.amount()), now,
                properties.stakes().unlockDelay()));
    }

    @Transactional
    Slash slash(String identity, SlashRequest request, Caller slasher) {
        Instant now = ledger.now();
        PostedEntry entry = ledger.post(JournalEntry.move(EntryKind.SLASH, AccountRef.stake(identity), AccountRef.TREASURY,
                Money.positive(request.amount()), request.reason(), slasher.identity(), now));
        return stakes.insertSlash(identity, Money.positive(request.amount()), request.reason(), slasher.identity(),
                entry.id(), now);
    }

    /** One snapshot for both figures, so 'staked' and 'unlocking' never disagree with each other. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Stake stakeOf(String identity) {
        return new Stake(identity, ledger.balanceOf(AccountRef.stake(identity)), stakes.pendingUnlocks(identity));
    }

    @Transactional(readOnly = true)
    Slash slashOf(String identity, long id) {
        return stakes.findSlash(identity, id).orElseThrow(() -> new SlashNotFoundException(identity, id));
    }

    @Transactional(readOnly = true)
    List<Slash> slashesOf(String identity) {
        return stakes.slashes(identity, 100);
    }

    /** Releases every matured unlock, each in its own transaction; safe to run on several replicas at once. */
    @Scheduled(fixedDelayString = "${hypermesh.payment.stakes.release-interval}")
    int releaseDue() {
        int released = 0;
        int releasedInBatch;
        List<Long> due;
        do {
            releasedInBatch = 0;
            due = stakes.dueUnlockIds(ledger.now(), RELEASE_BATCH);
            for (Long id : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> releaseOne(id)))) {
                    releasedInBatch++;
                }
            }
            released += releasedInBatch;
            // A full batch that another releaser is working on would otherwise be fetched again at once.
        } while (due.size() == RELEASE_BATCH && releasedInBatch > 0);
        if (released > 0) {
            log.info("Released {} matured stake unlock(s)", released);
        }
        return released;
    }

    private boolean releaseOne(long id) {
        Instant now = ledger.now();
        StakeUnlock unlock = stakes.lockPendingUnlock(id).filter(candidate -> candidate.dueAt(now)).orElse(null);
        if (unlock == null) {
            return false;
        }
        AccountRef stakeAccount = AccountRef.stake(unlock.identity());
        AccountRef wallet = AccountRef.wallet(unlock.identity());
        Map<AccountRef, Money> balances = ledger.lock(List.of(wallet, stakeAccount));
        Money amount = unlock.releasableFrom(balances.get(stakeAccount));
        Long entryId = null;
        if (!amount.isZero()) {
            entryId = ledger.post(JournalEntry.move(EntryKind.UNSTAKE, stakeAccount, wallet, amount,
                    "stake unlock " + id, SYSTEM, now)).id();
        }
        stakes.markReleased(id, amount, entryId, now);
        return true;
    }
}
