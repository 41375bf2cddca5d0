package io.hypermesh.payment.pricing;

import io.hypermesh.payment.account.Money;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One version of the prices, in micro-CAES per unit, and the privacy multipliers in percent. Pricing
 * is exact integer arithmetic: each line is rounded up to a whole micro-CAES once, and the privacy
 * multiplier is applied to the k-fold sum and rounded up once, so rounding never favours the payer
 * by more than a micro-CAES per line and is reproducible anywhere.
 */
record RateCard(int version, long cpuCoreSecond, long memoryGbSecond, long storageGb, long gpuSecond, long networkGb,
        int privateNetworkPercent, int p2pPercent, int publicNetworkPercent, int fullPublicPercent, Instant createdAt) {

    /** The seed's privacy premium: private execution costs double, whatever the configuration says. */
    static final int PRIVATE_PERCENT = 200;
    private static final BigInteger MB_PER_GB = BigInteger.valueOf(1024);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    int percentFor(PrivacyLevel level) {
        return switch (level) {
            case PRIVATE -> PRIVATE_PERCENT;
            case PRIVATE_NETWORK -> privateNetworkPercent;
            case P2P -> p2pPercent;
            case PUBLIC_NETWORK -> publicNetworkPercent;
            case FULL_PUBLIC -> fullPublicPercent;
        };
    }

    boolean samePricesAs(RateCard other) {
        return cpuCoreSecond == other.cpuCoreSecond && memoryGbSecond == other.memoryGbSecond && storageGb == other.storageGb
                && gpuSecond == other.gpuSecond && networkGb == other.networkGb
                && privateNetworkPercent == other.privateNetworkPercent && p2pPercent == other.p2pPercent
                && publicNetworkPercent == other.publicNetworkPercent && fullPublicPercent == other.fullPublicPercent;
    }

    Price price(Requirements resources, long durationSeconds, PrivacyLevel privacy, int redundancy) {
        BigInteger seconds = BigInteger.valueOf(durationSeconds);
        long cpu = exact(BigInteger.valueOf(resources.cpuCores()).multiply(seconds).multiply(BigInteger.valueOf(cpuCoreSecond)));
        long memory = ceil(BigInteger.valueOf(resources.memoryMb()).multiply(seconds).multiply(BigInteger.valueOf(memoryGbSecond)),
                MB_PER_GB);
        long storage = ceil(BigInteger.valueOf(resources.storageMb()).multiply(BigInteger.valueOf(storageGb)), MB_PER_GB);
        long gpu = exact(BigInteger.valueOf(resources.gpus()).multiply(seconds).multiply(BigInteger.valueOf(gpuSecond)));
        long network = ceil(BigInteger.valueOf(resources.networkMb()).multiply(BigInteger.valueOf(networkGb)), MB_PER_GB);
        long perReplica = exact(BigInteger.valueOf(cpu).add(BigInteger.valueOf(memory)).add(BigInteger.valueOf(storage))
                .add(BigInteger.valueOf(gpu)).add(BigInteger.valueOf(network)));
        int percent = percentFor(privacy);
        long total = ceil(BigInteger.valueOf(perReplica).multiply(BigInteger.valueOf(redundancy)).multiply(BigInteger.valueOf(percent)),
                HUNDRED);
        return new Price(cpu, memory, storage, gpu, network, perReplica, percent, total);
    }

    /**
     * Prices metered usage exactly as {@link #price} prices a quote's lines: each line rounded up once,
     * then the privacy multiplier (the quote's percent, so a quoted level keeps its price) rounded up once.
     */
    long meter(MeteredUsage usage, int percent) {
        long cpu = exact(BigInteger.valueOf(usage.cpuCoreSeconds()).multiply(BigInteger.valueOf(cpuCoreSecond)));
        long memory = ceil(BigInteger.valueOf(usage.memoryMbSeconds()).multiply(BigInteger.valueOf(memoryGbSecond)), MB_PER_GB);
        long storage = ceil(BigInteger.valueOf(usage.storageMb()).multiply(BigInteger.valueOf(storageGb)), MB_PER_GB);
        long gpu = exact(BigInteger.valueOf(usage.gpuSeconds()).multiply(BigInteger.valueOf(gpuSecond)));
        long network = ceil(BigInteger.valueOf(usage.networkMb()).multiply(BigInteger.valueOf(networkGb)), MB_PER_GB);
        BigInteger lines = BigInteger.valueOf(cpu).add(BigInteger.valueOf(memory)).add(BigInteger.valueOf(storage))
                .add(BigInteger.valueOf(gpu)).add(BigInteger.valueOf(network));
        return ceil(lines.multiply(BigInteger.valueOf(percent)), HUNDRED);
    }

    private static long ceil(BigInteger numerator, BigInteger denominator) {
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        BigInteger quotient = quotientAndRemainder[0];
        return exact(quotientAndRemainder[1].signum() > 0 ? quotient.add(BigInteger.ONE) : quotient);
    }

    private static long exact(BigInteger value) {
        if (value.compareTo(BigInteger.valueOf(Money.MAX_MICRO)) > 0) {
            throw new QuoteTooLargeException();
        }
        return value.longValueExact();
    }
}
