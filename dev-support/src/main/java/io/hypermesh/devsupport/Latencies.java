package io.hypermesh.devsupport;

import java.util.Arrays;

/** Summaries of latencies the benchmark harnesses record, in nanoseconds, reported in milliseconds. */
public final class Latencies {

    private Latencies() {
    }

    /** The nearest-rank percentile (0 < {@code percentile} <= 100) of {@code sortedNanos}; NaN when empty. */
    public static double percentileMillis(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    public static double averageMillis(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }
}
