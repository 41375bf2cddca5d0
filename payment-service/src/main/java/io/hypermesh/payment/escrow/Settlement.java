package io.hypermesh.payment.escrow;

import io.hypermesh.payment.account.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How one hold is divided: each host's usage charge and bonus, the platform fee and the client's
 * refund. The parts always add up to the hold exactly, so a settlement pays out neither more nor less
 * than was locked.
 */
record Settlement(Money hold, List<Payout> payouts, Money usage, Money bonus, Money platformFee, Money refund) {

    Settlement {
        payouts = List.copyOf(payouts);
        if (!usage.plus(bonus).plus(platformFee).plus(refund).equals(hold)) {
            throw new IllegalArgumentException("a settlement must divide the hold exactly");
        }
    }

    /**
     * Usage charges and the fee come first and must fit in the hold (else the settlement is refused).
     * Bonuses come from what is left: in full when they fit, otherwise each cut in proportion (rounded
     * down), so the bonus never takes more than the client's remainder. The rest is refunded.
     */
    static Settlement divide(Money hold, long quotedDurationSeconds, List<HostCharge> charges, SettlementRule rule) {
        Money usage = Money.ZERO;
        for (HostCharge charge : charges) {
            usage = usage.plus(charge.usage());
        }
        Money fee = Money.ofMicro(fraction(usage.micro(), rule.platformFeeBasisPoints(), 10_000));
        Money due = usage.plus(fee);
        if (hold.isLessThan(due)) {
            throw new SettlementExceedsHoldException(hold, due);
        }
        Money left = hold.minus(due);
        List<Money> wanted = new ArrayList<>();
        Money wantedTotal = Money.ZERO;
        for (HostCharge charge : charges) {
            Money bonus = rule.fast(charge, quotedDurationSeconds)
                    ? Money.ofMicro(fraction(charge.usage().micro(), rule.bonusPercent(), 100))
                    : Money.ZERO;
            wanted.add(bonus);
            wantedTotal = wantedTotal.plus(bonus);
        }
        boolean fits = !left.isLessThan(wantedTotal);
        List<Payout> payouts = new ArrayList<>();
        Money bonusTotal = Money.ZERO;
        for (int i = 0; i < charges.size(); i++) {
            Money bonus = fits || wantedTotal.isZero()
                    ? wanted.get(i)
                    : Money.ofMicro(fraction(wanted.get(i).micro(), left.micro(), wantedTotal.micro()));
            payouts.add(new Payout(charges.get(i).host(), charges.get(i).usage(), bonus));
            bonusTotal = bonusTotal.plus(bonus);
        }
        return new Settlement(hold, payouts, usage, bonusTotal, fee, hold.minus(due).minus(bonusTotal));
    }

    /** floor(amount × numerator / denominator) without overflow. */
    private static long fraction(long amount, long numerator, long denominator) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }
}
