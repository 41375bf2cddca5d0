package io.hypermesh.payment.escrow;

/**
 * How a hold is split. The platform fee is {@code platformFeeBasisPoints}/10,000 of the usage charge,
 * rounded down. A host is fast when it succeeded and took at most {@code fastWithinPercent} % of the
 * quoted duration; a fast host earns {@code bonusPercent} % of its own usage charge, rounded down.
 */
record SettlementRule(int platformFeeBasisPoints, int bonusPercent, int fastWithinPercent) {

    boolean fast(HostCharge charge, long quotedDurationSeconds) {
        return charge.succeeded()
                && charge.durationSeconds() * 100 <= quotedDurationSeconds * fastWithinPercent;
    }
}
