package io.hypermesh.routing.matrix;

import java.util.Collection;
import java.util.List;

/** The reference the index must agree with: score every qualifying host, sort, take k. */
final class BruteForce {

    private BruteForce() {
    }

    static List<RankedHost> select(Collection<HostProfile> hosts, Requirements requirements,
            double cx, double cy, double cz, Strategy strategy, int k) {
        return hosts.stream()
                .filter(requirements::admits)
                .map(host -> RankedHost.of(host, cx, cy, cz, strategy))
                .sorted()
                .limit(k)
                .toList();
    }
}
