package io.hypermesh.routing.selection;

import io.hypermesh.routing.matrix.Strategy;
import io.hypermesh.routing.zone.Coordinate;
import java.util.List;

/** The ranked hosts (best first), each score broken into its weighted terms; {@code complete} is false when fewer than k qualified. */
record SelectionResponse(Strategy strategy, int requested, boolean complete, List<Selected> hosts) {

    record Selected(int rank, String hostId, String zone, Coordinate coordinate, double distance, double score,
                    Breakdown breakdown, int loadPermille, int reputation) {
    }

    /** The weighted latency, load and performance terms; they add up to the score. */
    record Breakdown(double latency, double load, double performance) {
    }
}
