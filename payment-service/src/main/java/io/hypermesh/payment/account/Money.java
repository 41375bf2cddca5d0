package io.hypermesh.payment.account;

/**
 * An amount of CAES in integer micro-CAES (1 CAES = 1,000,000 micro-CAES). Never negative: a
 * movement's direction is carried by the journal posting, not by the sign of the money.
 */
public record Money(long micro) implements Comparable<Money> {

    public static final long MICRO_PER_CAES = 1_000_000L;
    /**
     * The largest amount one request may move: 10^9 CAES. It keeps every figure far below 2^53, so
     * a JavaScript client reads amounts exactly, and makes overflow of a balance practically unreachable.
     */
    public static final long MAX_MICRO = 1_000_000_000L * MICRO_PER_CAES;
    public static final Money ZERO = new Money(0);

    public Money {
        if (micro < 0) {
            throw new IllegalArgumentException("money is never negative: " + micro);
        }
    }

    public static Money ofMicro(long micro) {
        return new Money(micro);
    }

    /** An amount to move: strictly positive and at most {@link #MAX_MICRO}. */
    public static Money positive(long micro) {
        if (micro <= 0 || micro > MAX_MICRO) {
            throw new IllegalArgumentException("an amount to move must be between 1 and " + MAX_MICRO + " micro-CAES");
        }
        return new Money(micro);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(micro, other.micro));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(micro, other.micro));
    }

    public boolean isLessThan(Money other) {
        return micro < other.micro;
    }

    public boolean isZero() {
        return micro == 0;
    }

    public Money min(Money other) {
        return isLessThan(other) ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(micro, other.micro);
    }

    @Override
    public String toString() {
        return micro + " µCAES";
    }
}
