package io.hypermesh.payment.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.payment.account.Money;
import io.hypermesh.payment.pricing.QuoteTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final SettlementRule RULE = new SettlementRule(500, 10, 50);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String CLIENT = "hm1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Test
    void shouldPayABonusOnlyToHostsThatSucceededWithinHalfTheQuotedDuration() {
        Settlement settlement = Settlement.divide(Money.ofMicro(100_000), 60, List.of(
                charge("fast", 10_000, true, 30),
                charge("slow", 10_000, true, 31),
                charge("failed", 10_000, false, 1)), RULE);

        assertThat(settlement.payouts()).extracting(payout -> payout.bonus().micro()).containsExactly(1_000L, 0L, 0L);
        assertThat(settlement.usage().micro()).isEqualTo(30_000);
        assertThat(settlement.platformFee().micro()).isEqualTo(1_500);
        assertThat(settlement.refund().micro()).isEqualTo(100_000 - 30_000 - 1_500 - 1_000);
    }

    @Test
    void shouldRoundTheFeeAndBonusDownInTheClientsFavour() {
        Settlement settlement = Settlement.divide(Money.ofMicro(1_000), 60, List.of(charge("fast", 39, true, 1)), RULE);

        assertThat(settlement.platformFee().micro()).isEqualTo(1);
        assertThat(settlement.bonus().micro()).isEqualTo(3);
        assertThat(settlement.refund().micro()).isEqualTo(1_000 - 39 - 1 - 3);
    }

    @Test
    void shouldCutBonusesInProportionWhenTheHoldCannotCoverThemAll() {
        // usage 30,000 + fee 1,500 leave 1,000 of the 3,000 wanted: each fast host gets a third of its bonus.
        Settlement settlement = Settlement.divide(Money.ofMicro(32_500), 60, List.of(
                charge("a", 10_000, true, 1), charge("b", 20_000, true, 1)), RULE);

        assertThat(settlement.payouts()).extracting(payout -> payout.bonus().micro()).containsExactly(333L, 666L);
        assertThat(settlement.refund().micro()).isEqualTo(1);
        assertThat(settlement.usage().plus(settlement.bonus()).plus(settlement.platformFee()).plus(settlement.refund()))
                .isEqualTo(Money.ofMicro(32_500));
    }

    @Test
    void shouldRefuseUsageAndFeeBeyondTheHold() {
        assertThatThrownBy(() -> Settlement.divide(Money.ofMicro(10_499), 60, List.of(charge("a", 10_000, true, 1)), RULE))
                .isInstanceOf(SettlementExceedsHoldException.class);
    }

    @Test
    void shouldRefuseToBuildASettlementThatDoesNotDivideTheHoldExactly() {
        assertThatThrownBy(() -> new Settlement(Money.ofMicro(10), List.of(), Money.ofMicro(5), Money.ZERO, Money.ZERO,
                Money.ofMicro(4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCloseAHoldOnlyOnceAndSettleItOnlyBeforeItExpires() {
        QuoteTerms quote = new QuoteTerms(UUID.randomUUID(), CLIENT, 1, 100, 60, Money.ofMicro(6_600), NOW.plusSeconds(900));
        Escrow held = Escrow.hold(UUID.randomUUID(), CLIENT, quote, "exec-1", Money.ofMicro(10_000), "svc", NOW,
                Duration.ofHours(1));

        assertThat(held.expiresAt()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> held.settle(List.of(charge("a", 1, true, 1)), 60, RULE, held.expiresAt()))
                .isInstanceOf(EscrowExpiredException.class);
        assertThat(held.expire(held.expiresAt())).isEqualTo(Money.ofMicro(10_000));
        assertThatThrownBy(() -> held.expire(NOW)).isInstanceOf(IllegalStateException.class);
        Escrow released = held.closedAs(EscrowStatus.RELEASED);
        assertThatThrownBy(released::release).isInstanceOf(EscrowClosedException.class);
        assertThatThrownBy(() -> released.settle(List.of(charge("a", 1, true, 1)), 60, RULE, NOW))
                .isInstanceOf(EscrowClosedException.class);
        assertThatThrownBy(() -> Escrow.hold(UUID.randomUUID(), CLIENT, quote, "exec-2", Money.ofMicro(6_599), "svc", NOW,
                Duration.ofHours(1))).isInstanceOf(HoldBelowQuoteException.class);
    }

    private static HostCharge charge(String host, long usage, boolean succeeded, long seconds) {
        return new HostCharge(host, Money.ofMicro(usage), succeeded, seconds);
    }
}
