package io.hypermesh.deploy;

import io.hypermesh.deploy.host.TestHost;
import io.hypermesh.devsupport.TestHttp.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The executions benchmark (bench/execution-bench.sh, docs/benchmarks.md): the whole suite and real host processes
 * on this machine, clients through the gateway.
 * <ul>
 * <li>{@code latency N}: N executions one after another, k = 1, one host — submit to COMPLETED as the client sees it
 * (the proof is made before the clock starts), beside the same program run bare by the same python3 N times.</li>
 * <li>{@code throughput K HOSTS CLIENTS SECONDS}: closed-loop clients submitting k = K executions to HOSTS hosts
 * for SECONDS; completed per second, then the money: the minted supply equals the sum of all balances.</li>
 * </ul>
 */
final class ExecutionBench extends ExecutionSuiteTest {

    private static final String TRIVIAL = "def main(text):\n    return len(text.split())\n";

    public static void main(String[] args) throws Exception {
        startSuite("bench-executions-logs", Map.of("HYPERMESH_RATE_LIMIT_ENABLED", "false"));
        ExecutionBench bench = new ExecutionBench();
        try {
            if ("latency".equals(args[0])) {
                bench.latency(Integer.parseInt(args[1]));
            } else {
                bench.throughput(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                        Integer.parseInt(args[4]));
            }
        } finally {
            bench.stopHosts();
            stopSuite();
        }
        System.exit(0);
    }

    private void latency(int count) throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, TRIVIAL, zone);
        startHost(zone, "honest");
        for (int i = 0; i < 10; i++) {
            once(client, assetId, zone); // warm-up: JIT, connection pools, the host's first python
        }
        List<Long> platform = new ArrayList<>();
        List<Long> hostWall = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] run = once(client, assetId, zone);
            platform.add(run[0]);
            hostWall.add(run[1]);
        }
        List<Long> bare = bare(count);
        System.out.printf(Locale.ROOT, "latency, k=1, one host, %d executions (ms)%n", count);
        print("submit -> COMPLETED (client)", platform);
        print("the run as the host timed it", hostWall);
        print("the same program run bare", bare);
        System.out.printf(Locale.ROOT, "platform overhead p50: %d ms (submit->COMPLETED p50 - bare p50)%n",
                percentile(platform, 50) - percentile(bare, 50));
    }

    /** One execution: [client-side latency in ms, the host's wallMs]. */
    private static long[] once(Client client, String assetId, String zone) {
        Submission submission = request(client, assetId, 1, zone, "to be or not to be", 10_000_000L);
        long started = System.nanoTime();
        Response submitted = post(client, submission);
        if (submitted.status() != 201) {
            throw new IllegalStateException("submit answered " + submitted.status() + ": " + submitted.body());
        }
        String id = submitted.json().path("id").asString();
        JsonNode execution;
        do {
            sleep(5);
            execution = gateway.get("/api/v1/executions/" + id).bearer(client.token()).send().json();
        } while (!List.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED").contains(execution.path("state").asString()));
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        if (!"COMPLETED".equals(execution.path("state").asString())) {
            throw new IllegalStateException("execution " + id + " ended " + execution.path("state").asString());
        }
        return new long[] {elapsed, execution.path("assignments").path(0).path("wallMs").asLong(-1)};
    }

    /** The test host's runner, the same code and input, started by the same python3: what the platform adds nothing to. */
    private static List<Long> bare(int count) throws Exception {
        Path dir = Files.createTempDirectory("bare-python");
        Path code = Files.writeString(dir.resolve("asset.py"), TRIVIAL);
        Path runner = Files.writeString(dir.resolve("runner.py"), TestHost.RUNNER);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count + 10; i++) {
            long started = System.nanoTime();
            Process python = new ProcessBuilder("python3", runner.toString(), code.toString(), "main",
                    dir.resolve("metrics.json").toString()).start();
            python.getOutputStream().write("{\"input\":\"to be or not to be\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            python.getInputStream().readAllBytes();
            python.waitFor();
            if (i >= 10) {
                times.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return times;
    }

    private void throughput(int redundancy, int hostCount, int clients, int seconds) throws Exception {
        String zone = createZone();
        Client owner = newClient();
        String assetId = deployedAsset(owner, TRIVIAL, zone);
        for (int i = 0; i < hostCount; i++) {
            startHost(zone, "honest");
        }
        List<Client> submitters = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            submitters.add(newClient());
        }
        ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (Client client : submitters) {
            pool.execute(() -> {
                while (System.nanoTime() < until) {
                    Response answer = post(client, request(client, assetId, redundancy, zone, "to be or not to be", 50_000_000L));
                    if (answer.status() != 201) {
                        refused.incrementAndGet();
                        continue;
                    }
                    submitted.incrementAndGet();
                    JsonNode outcome = awaitOutcome(client, answer.json().path("id").asString());
                    if ("COMPLETED".equals(outcome.path("state").asString())) {
                        completed.add(outcome.path("id").asString());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        JsonNode supply = gateway.get("/api/v1/payments/supply").send().json();
        System.out.printf(Locale.ROOT, "throughput, k=%d, %d hosts, %d clients, %.1f s: %d submitted, %d completed, %d refused%n",
                redundancy, hostCount, clients, elapsed, submitted.get(), completed.size(), refused.get());
        System.out.printf(Locale.ROOT, "completed executions/s: %.2f%n", completed.size() / elapsed);
        System.out.printf(Locale.ROOT, "money: minted %d, sum of balances %d -> %s%n", supply.path("minted").asLong(),
                supply.path("held").asLong(), supply.path("minted").asLong() == supply.path("held").asLong() ? "equal" : "DIFFERENT");
    }

    private static void print(String what, List<Long> values) {
        System.out.printf(Locale.ROOT, "  %-32s p50 %5d  p90 %5d  p99 %5d  max %5d%n", what, percentile(values, 50),
                percentile(values, 90), percentile(values, 99), Collections.max(values));
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
