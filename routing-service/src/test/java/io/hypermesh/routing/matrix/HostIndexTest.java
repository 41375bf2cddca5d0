package io.hypermesh.routing.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostIndexTest {

    private static final int ALL_LEVELS = 0b11111;

    @Test
    void shouldRankTheNearestHostFirstForLatency() {
        HostIndex index = new HostIndex();
        index.rebuild(List.of(host("far", 90, 0, 0, 0, 1000), host("near", 5, 0, 0, 900, 100), host("mid", 40, 0, 0, 0, 1000)));

        List<RankedHost> ranked = index.select(anyPython(), 0, 0, 0, Strategy.LATENCY, 3);

        assertThat(ranked).extracting(r -> r.host().id()).containsExactly("near", "mid", "far");
        assertThat(ranked.get(0).distance()).isEqualTo(5.0);
    }

    @Test
    void shouldPreferTheLeastLoadedHostForLoadAndTheMostReputableForPerformance() {
        HostIndex index = new HostIndex();
        index.rebuild(List.of(host("busy-trusted", 1, 0, 0, 900, 1000), host("idle-new", 80, 0, 0, 0, 100)));

        assertThat(index.select(anyPython(), 0, 0, 0, Strategy.LOAD, 1).get(0).host().id()).isEqualTo("idle-new");
        assertThat(index.select(anyPython(), 0, 0, 0, Strategy.PERFORMANCE, 1).get(0).host().id()).isEqualTo("busy-trusted");
    }

    @Test
    void shouldStayShallowAfterManyJoins() {
        HostIndex index = new HostIndex();
        RandomHosts random = new RandomHosts(7, 1000);
        for (int i = 0; i < 20_000; i++) {
            index.upsert(random.host("h" + i, 1));
        }
        // A balanced tree of 20,000 hosts in leaves of 16 has depth about 11; growth by splits may add a little.
        assertThat(index.depth(Strategy.LATENCY)).isLessThanOrEqualTo(24);
        assertThat(index.depth(Strategy.BALANCED)).isLessThanOrEqualTo(24);
        assertThat(index.size()).isEqualTo(20_000);
    }

    @Test
    void shouldIgnoreAnOutOfDateProfile() {
        HostIndex index = new HostIndex();
        index.upsert(withVersion(host("h", 1, 1, 1, 100, 500), 5));
        index.upsert(withVersion(host("h", 9, 9, 9, 900, 500), 4));

        assertThat(index.get("h")).get().extracting(HostProfile::loadPermille).isEqualTo(100);
    }

    private static Requirements anyPython() {
        return new Requirements("python", 1, 0, 0, null, 0, PrivacyLevel.P2P, Set.of(), Set.of());
    }

    private static HostProfile host(String id, double x, double y, double z, int load, int reputation) {
        return new HostProfile(id, "eu-west", x, y, z, 1.0, Set.of("python"), 4, 8192, 10_000, null, 0,
                ALL_LEVELS, load, reputation, 1);
    }

    private static HostProfile withVersion(HostProfile p, long version) {
        return new HostProfile(p.id(), p.zone(), p.x(), p.y(), p.z(), p.coordinateError(), p.runtimes(), p.cpuCores(),
                p.memoryMb(), p.storageMb(), p.gpuModel(), p.gpuMemoryMb(), p.privacyLevels(), p.loadPermille(),
                p.reputation(), version);
    }
}
