package io.hypermesh.routing.matrix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Hosts and queries drawn from small vocabularies and coarse grids, so that ties in coordinates, load
 * and reputation are common: the cases where an index most easily disagrees with a plain scan.
 */
final class RandomHosts {

    static final List<String> RUNTIMES = List.of("python", "javascript", "wasm", "julia");
    static final List<String> ZONES = List.of("eu-west", "us-east", "ap-south");
    static final List<String> GPUS = List.of("t4", "a100");

    private final Random random;
    private final double spread;

    RandomHosts(long seed, double spread) {
        this.random = new Random(seed);
        this.spread = spread;
    }

    List<HostProfile> hosts(int count) {
        List<HostProfile> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hosts.add(host("h" + i, 1));
        }
        return hosts;
    }

    HostProfile host(String id, long version) {
        Set<String> runtimes = new HashSet<>();
        runtimes.add(RUNTIMES.get(random.nextInt(RUNTIMES.size())));
        if (random.nextBoolean()) {
            runtimes.add(RUNTIMES.get(random.nextInt(RUNTIMES.size())));
        }
        boolean gpu = random.nextInt(4) == 0;
        int privacy = 0;
        for (PrivacyLevel level : PrivacyLevel.values()) {
            if (random.nextInt(3) > 0) {
                privacy |= level.bit();
            }
        }
        return new HostProfile(id, ZONES.get(random.nextInt(ZONES.size())),
                coordinate(), coordinate(), coordinate(), 1.0,
                runtimes, 1 + random.nextInt(16), 512L * (1 + random.nextInt(64)), 1024L * random.nextInt(100),
                gpu ? GPUS.get(random.nextInt(GPUS.size())) : null, gpu ? 1024L * (1 + random.nextInt(80)) : 0,
                privacy, 50 * random.nextInt(21), 50 * random.nextInt(21), version);
    }

    HostProfile withLoad(HostProfile host) {
        return new HostProfile(host.id(), host.zone(), host.x(), host.y(), host.z(), host.coordinateError(), host.runtimes(),
                host.cpuCores(), host.memoryMb(), host.storageMb(), host.gpuModel(), host.gpuMemoryMb(), host.privacyLevels(),
                50 * random.nextInt(21), 50 * random.nextInt(21), host.version() + 1);
    }

    Requirements requirements(List<HostProfile> hosts) {
        Set<String> zones = new HashSet<>();
        if (random.nextBoolean()) {
            zones.add(ZONES.get(random.nextInt(ZONES.size())));
        }
        Set<String> excluded = new HashSet<>();
        for (int i = 0; i < random.nextInt(4) && !hosts.isEmpty(); i++) {
            excluded.add(hosts.get(random.nextInt(hosts.size())).id());
        }
        boolean gpu = random.nextInt(5) == 0;
        return new Requirements(RUNTIMES.get(random.nextInt(RUNTIMES.size())),
                random.nextInt(8), 512L * random.nextInt(32), 1024L * random.nextInt(50),
                gpu && random.nextBoolean() ? GPUS.get(random.nextInt(GPUS.size())) : null, gpu ? 1024L * random.nextInt(40) : 0,
                PrivacyLevel.values()[random.nextInt(PrivacyLevel.values().length)], zones, excluded);
    }

    Strategy strategy() {
        return Strategy.values()[random.nextInt(Strategy.values().length)];
    }

    double coordinate() {
        return Math.round(random.nextDouble() * spread * 2 - spread); // whole numbers: many ties
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
