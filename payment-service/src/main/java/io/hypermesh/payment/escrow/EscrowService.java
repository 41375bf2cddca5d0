package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.AccountRef;
import io.hypermesh.payment.account.EntryKind;
import io.hypermesh.payment.account.JournalEntry;
import io.hypermesh.payment.account.Ledger;
import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.account.PostedEntry;
import io.hypermesh.payment.config.PaymentProperties;
import io.hypermesh.payment.pricing.QuoteTerms;
import io.hypermesh.payment.pricing.Tariff;
import io.hypermesh.payment.web.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds, settlements, releases and expiry. Every closing transition runs in one transaction that
 * first locks the escrow row ({@code select … for update}), checks the transition on the aggregate,
 * posts one balanced journal entry out of the escrow account, and closes the row with a conditional
 * update. A racing settle, release or expiry waits on the row lock and then finds the hold closed,
 * so exactly one of them moves money. Lock order is always escrow row, then accounts in id order.
 */
@Service
class EscrowService {

    /** Who the journal names for expiries nobody asked for at that moment: the service itself. */
    static final String SYSTEM = "payment-service";
    private static final Logger log = LoggerFactory.getLogger(EscrowService.class);
    private static final int EXPIRY_BATCH = 100;

    private final Ledger ledger;
    private final EscrowRepository escrows;
    private final Tariff tariff;
    private final TransactionTemplate transactions;
    private final PaymentProperties.Escrow settings;

    EscrowService(Ledger ledger, EscrowRepository escrows, Tariff tariff, TransactionTemplate transactions,
            PaymentProperties properties) {
        this.ledger = ledger;
        this.escrows = escrows;
        this.tariff = tariff;
        this.transactions = transactions;
        this.settings = properties.escrow();
    }

    @Transactional
    EscrowRecord hold(HoldRequest request, Caller service) {
        Instant now = ledger.now();
        QuoteTerms quote = tariff.honour(request.quoteId(), request.client(), now);
        if (escrows.executionHeld(request.executionId())) {
            throw new ExecutionAlreadyHeldException(request.executionId());
        }
        Escrow escrow = Escrow.hold(UUID.randomUUID(), request.client(), quote, request.executionId(),
                Money.positive(request.amount()), service.identity(), now, settings.holdGrace());
        PostedEntry entry = ledger.post(JournalEntry.move(EntryKind.HOLD, AccountRef.wallet(escrow.client()), escrow.account(),
                escrow.amount(), "hold for execution " + escrow.executionId(), service.identity(), now));
        Escrow held = escrow.withHoldEntry(entry.id());
        try {
            escrows.insert(held);
        } catch (DuplicateKeyException raced) {
            // Another hold for the same execution committed between our check and our insert.
            throw new ExecutionAlreadyHeldException(request.executionId());
        }
        return new EscrowRecord(held, null, List.of());
    }

    @Transactional
    EscrowRecord settle(UUID id, SettleRequest request, Caller service) {
        Set<String> seen = new HashSet<>();
        request.hosts().forEach(host -> {
            if (!seen.add(host.host())) {
                throw new DuplicateHostException(host.host());
            }
        });
        Escrow escrow = escrows.lock(id).orElseThrow(() -> new EscrowNotFoundException(id));
        Instant now = ledger.now();
        QuoteTerms quote = tariff.terms(escrow.quoteId());
        List<HostCharge> charges = request.hosts().stream()
                .map(host -> new HostCharge(host.host(), tariff.charge(quote, host.usage()), host.succeeded(),
                        host.durationSeconds()))
                .toList();
        Settlement settlement = escrow.settle(charges, quote.durationSeconds(), rule(), now);
        PostedEntry entry = ledger.post(settlementEntry(escrow, settlement, service.identity(), now));
        Closing closing = Closing.settled(settlement, service.identity(), entry.id(), now);
        escrows.close(id, EscrowStatus.SETTLED, closing);
        escrows.insertPayouts(id, settlement.payouts());
        return new EscrowRecord(escrow.closedAs(EscrowStatus.SETTLED), closing,
                settlement.payouts().stream().sorted(Comparator.comparing(Payout::host)).toList());
    }

    @Transactional
    EscrowRecord release(UUID id, ReleaseRequest request, Caller service) {
        Escrow escrow = escrows.lock(id).orElseThrow(() -> new EscrowNotFoundException(id));
        Instant now = ledger.now();
        Money refund = escrow.release();
        String memo = request.reason() == null ? "release of escrow " + id : request.reason();
        Closing closing = refund(escrow, refund, EntryKind.RELEASE, memo, service.identity(), now);
        escrows.close(id, EscrowStatus.RELEASED, closing);
        return new EscrowRecord(escrow.closedAs(EscrowStatus.RELEASED), closing, List.of());
    }

    /** The client, execution-service and operators may read a hold; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    EscrowRecord escrowFor(UUID id, Caller caller) {
        EscrowRecord found = escrows.find(id).orElseThrow(() -> new EscrowNotFoundException(id));
        if (!caller.operator() && !caller.executionService() && !found.escrow().client().equals(caller.identity())) {
            throw new EscrowNotFoundException(id);
        }
        return found;
    }

    /** Refunds every overdue open hold, each in its own transaction; safe to run on several replicas at once. */
    @Scheduled(fixedDelayString = "${hypermesh.payment.escrow.expiry-interval}")
    int expireOverdue() {
        int expired = 0;
        int expiredInBatch;
        List<UUID> due;
        do {
            expiredInBatch = 0;
            due = escrows.overdueIds(ledger.now(), EXPIRY_BATCH);
            for (UUID id : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> expireOne(id)))) {
                    expiredInBatch++;
                }
            }
            expired += expiredInBatch;
        } while (due.size() == EXPIRY_BATCH && expiredInBatch > 0);
        if (expired > 0) {
            log.info("Refunded {} expired escrow hold(s)", expired);
        }
        return expired;
    }

    private boolean expireOne(UUID id) {
        Instant now = ledger.now();
        Escrow escrow = escrows.lockOverdue(id, now).orElse(null);
        if (escrow == null) {
            return false;
        }
        Money refund = escrow.expire(now);
        Closing closing = refund(escrow, refund, EntryKind.RELEASE, "expiry of escrow " + id, SYSTEM, now);
        escrows.close(id, EscrowStatus.EXPIRED, closing);
        return true;
    }

    private Closing refund(Escrow escrow, Money amount, EntryKind kind, String memo, String by, Instant now) {
        PostedEntry entry = ledger.post(JournalEntry.move(kind, escrow.account(), AccountRef.wallet(escrow.client()), amount,
                memo, by, now));
        return Closing.refunded(amount, by, entry.id(), now);
    }

    /** Credits the escrow account with the whole hold and debits each recipient its share; one account per leg. */
    private static JournalEntry settlementEntry(Escrow escrow, Settlement settlement, String by, Instant now) {
        Map<String, AccountRef> refs = new LinkedHashMap<>();
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (Payout payout : settlement.payouts()) {
            credit(refs, amounts, AccountRef.wallet(payout.host()), payout.total());
        }
        credit(refs, amounts, AccountRef.PLATFORM_FEES, settlement.platformFee());
        credit(refs, amounts, AccountRef.wallet(escrow.client()), settlement.refund());
        List<JournalEntry.Leg> legs = new ArrayList<>();
        legs.add(new JournalEntry.Leg(escrow.account(), -escrow.amount().micro()));
        amounts.forEach((code, amount) -> {
            if (amount > 0) {
                legs.add(new JournalEntry.Leg(refs.get(code), amount));
            }
        });
        return new JournalEntry(EntryKind.SETTLEMENT, "settlement of escrow " + escrow.id() + " for execution "
                + escrow.executionId(), by, now, legs);
    }

    // A host may also be the client; its shares then land on one leg, as a journal entry names each account once.
    private static void credit(Map<String, AccountRef> refs, Map<String, Long> amounts, AccountRef account, Money amount) {
        refs.putIfAbsent(account.code(), account);
        amounts.merge(account.code(), amount.micro(), Math::addExact);
    }

    private SettlementRule rule() {
        return new SettlementRule(settings.platformFeeBasisPoints(), settings.bonusPercent(), settings.fastWithinPercent());
    }
}
