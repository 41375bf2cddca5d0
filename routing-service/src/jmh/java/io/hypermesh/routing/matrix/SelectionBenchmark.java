package io.hypermesh.routing.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selection cost at 10,000 and 100,000 hosts, the k-d index against a brute-force scan. Sample-time
 * mode reports p50 and p99 per selection. Run: see docs/routing.md ("Benchmarks").
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SelectionBenchmark {

    private static final List<String> RUNTIMES = List.of("python", "javascript", "wasm", "julia");
    private static final List<String> ZONES = List.of("eu-west", "eu-north", "us-east", "us-west", "ap-south", "ap-east");

    @Param({"10000", "100000"})
    int hosts;

    @Param({"LATENCY", "BALANCED", "LOAD"})
    Strategy strategy;

    private HostIndex index;
    private List<HostProfile> all;
    private Query[] queries;
    private int next;

    record Query(Requirements requirements, double x, double y, double z) {
    }

    @Setup(Level.Trial)
    public void populate() {
        Random random = new Random(42);
        all = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            all.add(host(random, "host-" + i));
        }
        index = new HostIndex();
        index.rebuild(all);
        queries = new Query[1024];
        for (int i = 0; i < queries.length; i++) {
            Set<String> zones = random.nextInt(3) == 0 ? Set.of(ZONES.get(random.nextInt(ZONES.size()))) : Set.of();
            Requirements requirements = new Requirements(RUNTIMES.get(random.nextInt(RUNTIMES.size())),
                    1 + random.nextInt(4), 1024L * (1 + random.nextInt(8)), 0, null, 0,
                    PrivacyLevel.values()[random.nextInt(PrivacyLevel.values().length)], zones, Set.of());
            queries[i] = new Query(requirements, coordinate(random), coordinate(random), coordinate(random));
        }
    }

    @Benchmark
    public List<RankedHost> index() {
        Query query = queries[next++ & 1023];
        return index.select(query.requirements(), query.x(), query.y(), query.z(), strategy, 3);
    }

    @Benchmark
    public List<RankedHost> bruteForce() {
        Query query = queries[next++ & 1023];
        return all.stream()
                .filter(query.requirements()::admits)
                .map(host -> RankedHost.of(host, query.x(), query.y(), query.z(), strategy))
                .sorted()
                .limit(3)
                .toList();
    }

    private static HostProfile host(Random random, String id) {
        int privacy = 0;
        for (PrivacyLevel level : PrivacyLevel.values()) {
            if (random.nextInt(3) > 0) {
                privacy |= level.bit();
            }
        }
        Set<String> runtimes = random.nextBoolean()
                ? Set.of(RUNTIMES.get(random.nextInt(RUNTIMES.size())))
                : Set.of("python", RUNTIMES.get(1 + random.nextInt(RUNTIMES.size() - 1)));
        double x = coordinate(random);
        double y = coordinate(random);
        double z = coordinate(random);
        return new HostProfile(id, zoneOf(x, y), x, y, z, 1.0, runtimes, 1 + random.nextInt(32), 1024L * (1 + random.nextInt(64)), 100_000, null, 0,
                privacy, random.nextInt(1001), random.nextInt(1001), 1);
    }

    /** Zones are regions of the space: here six sectors around the z axis. */
    private static String zoneOf(double x, double y) {
        int sector = (int) Math.floor((Math.atan2(y, x) + Math.PI) / (2 * Math.PI) * ZONES.size());
        return ZONES.get(Math.min(sector, ZONES.size() - 1));
    }

    /** Round-trip-time space: a few hundred milliseconds across. */
    private static double coordinate(Random random) {
        return random.nextGaussian() * 120;
    }
}
