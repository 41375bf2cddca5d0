package io.hypermesh.devsupport;

/**
 * Load before a measured phase that goes on until this JVM's JIT has settled, for the benchmark harnesses: on two
 * cores C2 keeps compiling (and recompiling after deoptimisations) a Spring request path for a minute and more, and a
 * phase measured meanwhile shares its cores with the compiler — which a service that has run for a while does not.
 */
public final class JitSettling {

    /** Settled: a round in which the compilers worked for under this share of the round's time (one core). */
    public static final int SETTLED_PERCENT = 5;

    private JitSettling() {
    }

    /** One round of load, {@code seconds} long; false when it cannot run another (its input ran out). */
    @FunctionalInterface
    public interface Round {
        boolean run(int seconds) throws Exception;
    }

    /** How the rounds ended. */
    public record Outcome(int rounds, double seconds, long lastRoundCompileMillis, boolean settled) {

        public String describe() {
            return String.format("%d rounds in %.0f s; the JIT compiled %d ms in the last (%s)", rounds, seconds,
                    lastRoundCompileMillis, settled ? "settled" : "NOT settled: the measured phase includes JIT work");
        }
    }

    /**
     * Runs rounds of {@code roundSeconds} until one compiles for under {@value #SETTLED_PERCENT} % of its time, or
     * {@code maxSeconds} have passed, or the round says it cannot go on.
     */
    public static Outcome repeatUntilSettled(int roundSeconds, double maxSeconds, Round round) throws Exception {
        long start = System.nanoTime();
        long settledMillis = roundSeconds * 1000L * SETTLED_PERCENT / 100;
        for (int rounds = 1; ; rounds++) {
            long compileBefore = JvmActivity.compileMillis();
            boolean more = round.run(roundSeconds);
            long compiled = JvmActivity.compileMillis() - compileBefore;
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean settled = compiled < settledMillis;
            if (settled || !more || elapsed >= maxSeconds) {
                return new Outcome(rounds, elapsed, compiled, settled);
            }
        }
    }
}
