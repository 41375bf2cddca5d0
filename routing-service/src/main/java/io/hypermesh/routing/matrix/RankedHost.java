package io.hypermesh.routing.matrix;


/** A qualifying host with its score; ordered by score, then by id so that rankings are deterministic. */
public record RankedHost(HostProfile host, double distance, double score) implements Comparable<RankedHost> {

    public static RankedHost of(HostProfile host, double cx, double cy, double cz, Strategy strategy) {
        double distance = host.distanceTo(cx, cy, cz);
        return new RankedHost(host, distance, strategy.score(distance, host.loadPermille(), host.reputation()));
    }

    @Override
    public int compareTo(RankedHost other) {
        int byScore = Double.compare(score, other.score);
        return byScore != 0 ? byScore : host.id().compareTo(other.host.id());
    }
}
