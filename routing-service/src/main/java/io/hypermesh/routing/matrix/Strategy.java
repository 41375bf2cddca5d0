package io.hypermesh.routing.matrix;

/**
 * How hosts are ranked. A host's score (lower is better) is
 * {@code latency·L + load·U + performance·P} where
 * {@code L = d / (d + 50)} for the coordinate distance d (≈ milliseconds of round trip) to the client,
 * {@code U = load / 1000} and {@code P = 1 − reputation / 1000}. Each term lies in [0, 1).
 *
 * <p>LOAD and PERFORMANCE are lexicographic: their main term moves in steps of 0.001 (load and
 * reputation are whole permille), and the weights of the other terms are too small to outweigh one step,
 * so they only order equals — the nearest of the least loaded, the nearest of the most reputable.
 * LATENCY lets a little load and reputation count, since distances are rarely exactly equal.
 */
public enum Strategy {
    /** Nearest first; a host 2 ms farther can win by being much less loaded or much more trusted. */
    LATENCY(1.0, 0.01, 0.01),
    /** Most reputable first; among equals the nearest, then the least loaded. */
    PERFORMANCE(1e-4, 1e-7, 1.0),
    /** Least loaded first; among equals the nearest, then the most reputable. */
    LOAD(1e-4, 1.0, 1e-7),
    /** Half latency, a quarter load, a quarter performance. */
    BALANCED(0.5, 0.25, 0.25);

    /** Distance at which the latency term reaches one half. */
    public static final double HALF_LATENCY_DISTANCE = 50.0;

    private final double latencyWeight;
    private final double loadWeight;
    private final double performanceWeight;

    Strategy(double latencyWeight, double loadWeight, double performanceWeight) {
        this.latencyWeight = latencyWeight;
        this.loadWeight = loadWeight;
        this.performanceWeight = performanceWeight;
    }

    public double latencyWeight() {
        return latencyWeight;
    }

    public double loadWeight() {
        return loadWeight;
    }

    public double performanceWeight() {
        return performanceWeight;
    }

    public static double latencyTerm(double distance) {
        return distance / (distance + HALF_LATENCY_DISTANCE);
    }

    public static double loadTerm(int loadPermille) {
        return loadPermille / 1000.0;
    }

    public static double performanceTerm(int reputation) {
        return 1.0 - reputation / 1000.0;
    }

    /** The score of a host; every term is monotone, so bounds over a region bound the score too. */
    public double score(double distance, int loadPermille, int reputation) {
        return latencyWeight * latencyTerm(distance) + loadWeight * loadTerm(loadPermille)
                + performanceWeight * performanceTerm(reputation);
    }
}
