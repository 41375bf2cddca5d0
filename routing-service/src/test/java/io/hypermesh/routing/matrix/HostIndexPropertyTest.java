package io.hypermesh.routing.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HostIndexPropertyTest {

    @Property(tries = 300)
    void shouldReturnWhatABruteForceScanReturns(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int hostCount,
            @ForAll @IntRange(min = 1, max = 12) int k) {
        RandomHosts random = new RandomHosts(seed, 60);
        List<HostProfile> hosts = random.hosts(hostCount);
        HostIndex index = new HostIndex();
        index.rebuild(hosts);

        for (int query = 0; query < 5; query++) {
            assertAgreement(index, hosts, random, k);
        }
    }

    @Property(tries = 150)
    void shouldStayInStepWithBruteForceThroughJoinsMovesLoadChangesAndLeaves(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int initial, @ForAll @IntRange(min = 0, max = 600) int writes) {
        RandomHosts random = new RandomHosts(seed, 40);
        Map<String, HostProfile> truth = new LinkedHashMap<>();
        random.hosts(initial).forEach(host -> truth.put(host.id(), host));
        HostIndex index = new HostIndex();
        index.rebuild(truth.values());

        for (int write = 0; write < writes; write++) {
            List<String> ids = List.copyOf(truth.keySet());
            int action = random.nextInt(4);
            if (action == 0 || ids.isEmpty()) {
                HostProfile joined = random.host("n" + write, 1);
                truth.put(joined.id(), joined);
                index.upsert(joined);
            } else if (action == 1) {
                String gone = ids.get(random.nextInt(ids.size()));
                truth.remove(gone);
                index.remove(gone, Long.MAX_VALUE);
            } else if (action == 2) {
                HostProfile busier = random.withLoad(truth.get(ids.get(random.nextInt(ids.size()))));
                truth.put(busier.id(), busier);
                index.upsert(busier);
            } else {
                HostProfile old = truth.get(ids.get(random.nextInt(ids.size())));
                HostProfile moved = random.host(old.id(), old.version() + 1);
                truth.put(moved.id(), moved);
                index.upsert(moved);
            }
        }

        assertThat(index.size()).isEqualTo(truth.size());
        for (int query = 0; query < 5; query++) {
            assertAgreement(index, List.copyOf(truth.values()), random, 1 + random.nextInt(8));
        }
    }

    private static void assertAgreement(HostIndex index, List<HostProfile> hosts, RandomHosts random, int k) {
        Requirements requirements = random.requirements(hosts);
        Strategy strategy = random.strategy();
        double cx = random.coordinate();
        double cy = random.coordinate();
        double cz = random.coordinate();

        List<String> expected = BruteForce.select(hosts, requirements, cx, cy, cz, strategy, k).stream().map(r -> r.host().id()).toList();
        List<String> actual = index.select(requirements, cx, cy, cz, strategy, k).stream().map(r -> r.host().id()).toList();
        assertThat(actual).as("%s %s k=%d at (%s,%s,%s)", strategy, requirements, k, cx, cy, cz).isEqualTo(expected);
    }
}
