package io.hypermesh.ledger.load;

import com.sun.net.httpserver.HttpServer;
import io.hypermesh.devsupport.HarnessArguments;
import io.hypermesh.devsupport.JvmActivity;
import io.hypermesh.devsupport.KeepAliveHttpConnection;
import io.hypermesh.devsupport.Latencies;
import io.hypermesh.devsupport.PostgresServer;
import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.ledger.LedgerServiceApplication;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends/s and latency of POST /api/v1/ledger/blocks over real HTTP with 16 (by default) closed-loop submitters, each
 * on its own kept-alive HTTP/1.1 connection ({@link KeepAliveHttpConnection}),
 * beside {@code pgbench -N -c1} on the same PostgreSQL server in the same run. The service runs in this JVM; tokens
 * come from the tests' token issuer; every proof is made with the protocol module as a client makes it (sign, mine,
 * anchor, zone) — all of them before the timed phases, so the run measures the ledger, not the client's mining.
 * payment-service (stakes) and routing-service (zones) are played by a loopback stub, as in the ledger's tests; the
 * ledger looks both up through its real clients and caches.
 *
 * <p>PostgreSQL: by default an embedded server of its own on a temporary data directory with {@code fsync=on} and
 * {@code synchronous_commit=on} (durable commits, as in production); with {@code HYPERMESH_TEST_DB_URL} the server
 * named there, as configured. pgbench and the ledger always share the server and its settings. Not a test:
 * bench/ledger-load.sh runs it.
 *
 * <p>Arguments: submitters (default 16), seconds measured (default 20), warm-up seconds (default 30: on two shared cores
 * the JIT compiler is still busy with the request path after 15 s, and the CPU per append halves once it is done),
 * proofs to mine (default 80,000; a run that uses them up says so), blocks per request (default 1: POST /blocks, each
 * append alone and the server groups them; more: POST /blocks/batch, the client groups them), and the pace of the measured
 * phase (default: closed loop, each submitter sends its next request when the previous one has answered; a number: open
 * loop at that many blocks per second in all, spread evenly over the submitters; a number followed by {@code x}: open loop
 * at that multiple of the pgbench TPS measured just before the phase). In an open loop each request has its time in a
 * fixed schedule, and its latency counts from that time, so a service that falls behind shows it in the percentiles
 * (no coordinated omission).
 *
 * <p>Between the warm-up and the measured phase the server takes a checkpoint (both sides then start as on a server that
 * has been running a while) and pgbench runs its first half. In an open loop {@value #PACED_WARMUP_SECONDS} s more at the
 * measured pace follow, and a second checkpoint; the measured phase is preceded by {@value #RAMP_SECONDS} s at its own pace
 * that are not counted, so that it starts from its steady state and not from a service left idle.
 * {@code -Dlatency.timeline=FILE} writes each measured request's send time and latency (milliseconds) to FILE;
 * {@code -Dservice.args="--name=value ..."} passes more settings to the service.
 */
public final class LedgerLoadHarness {

    private static final String TYPE = "EXECUTION";
    private static final String ZONE = "eu-west";
    private static final int AUTHORS = 64;
    private static final int RAMP_SECONDS = 3;
    private static final int PACED_WARMUP_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** With -Dlatency.timeline=FILE: each measured request's send time and latency, written to FILE after the run. */
    private static final Queue<long[]> TIMELINE = System.getProperty("latency.timeline") == null ? null
            : new ConcurrentLinkedQueue<>();

    private LedgerLoadHarness() {
    }

    private record Phase(long ok, Map<Integer, Integer> failures, double seconds, long[] latenciesNanos, boolean ranOut) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double percentile) {
            return Latencies.percentileMillis(latenciesNanos, percentile);
        }

        double averageMillis() {
            return Latencies.averageMillis(latenciesNanos);
        }

        long failed() {
            return failures.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int submitters = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int proofCount = args.length > 3 ? Integer.parseInt(args[3]) : 80_000;
        // 1: each request is one POST /blocks (group commit); more: each request is one POST /blocks/batch of this many.
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        String pace = args.length > 5 ? args[5] : "closed";

        Database database = Database.start();
        HttpServer remotes = remoteStub();
        TestTokenIssuer tokens = TestTokenIssuer.shared();
        ServiceDatabase ledger = database.server().provision("ledger", "bench_ledger");
        List<String> serviceArgs = List.of("--server.port=0", "--spring.datasource.url=" + ledger.jdbcUrl(),
                "--spring.datasource.username=" + ledger.user(), "--spring.datasource.password=" + ledger.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + (submitters + 4),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--hypermesh.ledger.clients.payment-url=http://127.0.0.1:" + remotes.getAddress().getPort(),
                "--hypermesh.ledger.clients.routing-url=http://127.0.0.1:" + remotes.getAddress().getPort(),
                "--hypermesh.ledger.proof.minimum-stake." + TYPE + "=1000",
                // Proofs are mined before the run, so they must stay acceptable through it; every check still runs.
                "--hypermesh.ledger.proof.max-anchor-age-blocks=1000000000", "--hypermesh.ledger.proof.max-drift=30m",
                "--management.tracing.sampling.probability=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        ConfigurableApplicationContext service = SpringApplication.run(LedgerServiceApplication.class,
                HarnessArguments.withServiceArgs(serviceArgs));
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int exit = 0;
        try {
            System.out.printf("ledger-service on port %d; PostgreSQL %s: %s%n", port, database.description(),
                    settings(database.server(), "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes"));
            long miningStarted = System.nanoTime();
            Queue<String> bodies = mine(http, base, proofCount, difficulty(service));
            System.out.printf("%,d proofs signed and mined (difficulty %d) in %.1f s before the timed phases; %d submitters, "
                            + "%d s measured after %d s warm-up; %s%n", bodies.size(), difficulty(service),
                    (System.nanoTime() - miningStarted) / 1e9, submitters, seconds, warmup,
                    batch == 1 ? "one block per request (POST /blocks)" : batch + " blocks per request (POST /blocks/batch)");
            List<String> callerTokens = IntStream.range(0, submitters)
                    .mapToObj(i -> tokens.token(Ed25519.generate().identity().value(), "service")).toList();

            run(port, bodies, callerTokens, warmup, batch, 0);
            // pgbench runs half its time before and half after the appends, so that a disk or a neighbour whose speed
            // drifts during the run weighs on both sides alike.
            Pgbench pgbench = Pgbench.init(database.server());
            // Both sides start from a clean checkpoint, as on a server that has been running for a while: the warm-up's
            // dirty pages are written and its WAL segments recycled, instead of a checkpoint falling into the measured
            // phase and every new WAL segment being zero-filled under the WAL write lock.
            checkpoint(database.server());
            Pgbench.Result pgbenchBefore = pgbench.run(seconds - seconds / 2);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            DistributionSummary groups = meters.get("ledger.append.group.size").summary();
            Timer transactions = meters.get("ledger.append.group.transaction").timer();
            Timer checks = meters.get("ledger.append.checks").timer();
            Timer queueWaits = meters.get("ledger.append.queue.wait").timer();
            double rate = pace.equals("closed") ? 0
                    : pace.endsWith("x") ? Double.parseDouble(pace.substring(0, pace.length() - 1)) * pgbenchBefore.tps()
                    : Double.parseDouble(pace);
            if (rate > 0) {
                // Not counted: the closed-loop warm-up groups several requests per commit, the open loop about one, so the
                // writer's per-group code ran a few thousand times with other branch profiles; at this pace the JIT
                // deoptimised and recompiled it during the measured phase. A minute at the pace lets it settle, and a
                // second checkpoint keeps that minute's WAL from setting off one within the phase.
                run(port, bodies, callerTokens, PACED_WARMUP_SECONDS, batch, rate);
                checkpoint(database.server());
            }
            // Not counted: a few seconds at the measured pace, so that the phase starts in its steady state and not from
            // a service just idled by pgbench or a checkpoint (expired stake and zone caches, cold connections, a backlog).
            run(port, bodies, callerTokens, RAMP_SECONDS, batch, rate);
            long commitsBefore = groups.count();
            double decidedBefore = groups.totalAmount();
            TimerReading transactionsBefore = TimerReading.of(transactions);
            TimerReading checksBefore = TimerReading.of(checks);
            TimerReading queueWaitsBefore = TimerReading.of(queueWaits);
            long walSyncsBefore = walSyncs(database.server());
            long[] walBefore = walBytesAndFullPages(database.server());
            long cpuBefore = JvmActivity.processCpuNanos();
            long[] gcBefore = JvmActivity.gcCountAndMillis();
            long compileBefore = JvmActivity.compileMillis();
            if (TIMELINE != null) {
                TIMELINE.clear();
            }

            Phase appends = run(port, bodies, callerTokens, seconds, batch, rate);
            if (TIMELINE != null) {
                Files.write(Path.of(System.getProperty("latency.timeline")), TIMELINE.stream()
                        .sorted(Comparator.comparingLong(entry -> entry[0]))
                        .map(entry -> String.format("%.1f %.2f", entry[0] / 1e6, entry[1] / 1e6)).toList());
            }
            long cpu = JvmActivity.processCpuNanos() - cpuBefore;
            long[] gcAfter = JvmActivity.gcCountAndMillis();
            long compileMillis = JvmActivity.compileMillis() - compileBefore;
            long commits = groups.count() - commitsBefore;
            double decided = groups.totalAmount() - decidedBefore;
            long walSyncs = walSyncs(database.server()) - walSyncsBefore;
            long[] walAfter = walBytesAndFullPages(database.server());
            double transactionMillis = TimerReading.of(transactions).meanMillisSince(transactionsBefore);
            double checkMillis = TimerReading.of(checks).meanMillisSince(checksBefore);
            double queueWaitMillis = TimerReading.of(queueWaits).meanMillisSince(queueWaitsBefore);
            Pgbench.Result pgbenchAfter = pgbench.run(seconds / 2);
            Pgbench.Result pgbenchBoth = pgbenchBefore.plus(pgbenchAfter);
            double tps = pgbenchBoth.tps();

            System.out.println();
            System.out.printf("%-28s %9s %8s %8s %8s %8s %8s%n", "", "blocks/s", "avg ms", "p50 ms", "p99 ms", "max ms", "non-201");
            System.out.printf("%-28s %9.0f %8.2f %8.2f %8.2f %8.2f %8d%n", "appends (" + submitters + " submitters)",
                    appends.perSecond(), appends.averageMillis(), appends.percentileMillis(50), appends.percentileMillis(99),
                    appends.percentileMillis(100), appends.failed());
            System.out.printf("%-28s %9.0f %8.2f%n", "pgbench -N -c1", tps, pgbenchBoth.averageMillis());
            System.out.println();
            System.out.printf("pgbench before the appends %.0f TPS, after %.0f TPS%n", pgbenchBefore.tps(), pgbenchAfter.tps());
            System.out.println(rate == 0 ? "closed loop: each submitter sent its next request when the previous one had answered"
                    : String.format("open loop: %.0f blocks/s scheduled (%s), %d blocks per request, latency counted from each "
                            + "request's scheduled time", rate, pace, batch));
            System.out.printf("append transactions (group commits): %.0f/s for %.0f blocks/s, %.1f appends per commit on average, "
                            + "%.2f ms per transaction (lock wait to durable commit)%n", commits / appends.seconds(),
                    appends.perSecond(), commits == 0 ? 0 : decided / commits, transactionMillis);
            System.out.printf("per request on average: %.2f ms checking its proofs (ledger_append_checks), %.2f ms queued for the "
                    + "group-commit writer (ledger_append_queue_wait)%n", checkMillis, queueWaitMillis);

            System.out.printf("WAL syncs (pg_stat_wal.wal_sync) during the append phase: %.0f/s; WAL written %.1f kB per block, "
                            + "%.2f full-page images per block%n", walSyncs / appends.seconds(),
                    (walAfter[0] - walBefore[0]) / 1024.0 / Math.max(1, appends.ok()),
                    (walAfter[1] - walBefore[1]) / (double) Math.max(1, appends.ok()));
            System.out.printf("CPU of this JVM (service and submitters) per append: %.2f ms; %.2f cores busy on average%n",
                    cpu / 1e6 / Math.max(1, appends.ok()), cpu / 1e9 / appends.seconds());
            System.out.printf("garbage collections of this JVM during the append phase: %d, %d ms in total%n",
                    gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
            // At a few hundred requests per second the request path reaches C2's thresholds only after minutes: say how much
            // of the phase the compilers still took (elapsed time of their tasks, summed over the compiler threads).
            System.out.printf("JIT compiling in this JVM during the append phase: %d ms (all compiler threads)%n", compileMillis);
            if (!appends.failures().isEmpty()) {
                System.out.println("non-201 answers by status: " + appends.failures());
            }
            if (appends.ranOut()) {
                System.out.println("The mined proofs ran out before the end of the phase: pass a larger count (4th argument).");
            }
            System.out.printf("appends / pgbench -N -c1 TPS = %.2f (goal >= 2)%n", appends.perSecond() / tps);
            System.out.printf("append p99 = %.2f ms (goal <= 20 ms)%n", appends.percentileMillis(99));
        } catch (Exception | Error failure) {
            LoggerFactory.getLogger(LedgerLoadHarness.class).error("The load run failed", failure);
            exit = 1;
        }
        service.close();
        remotes.stop(0);
        database.close();
        // The embedded PostgreSQL and the token issuer keep non-daemon threads: leave explicitly.
        System.exit(exit);
    }

    /** A timer's count and total at one moment, so that a phase's mean can be taken from two readings. */
    private record TimerReading(long count, double totalMillis) {

        static TimerReading of(Timer timer) {
            return new TimerReading(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS));
        }

        double meanMillisSince(TimerReading earlier) {
            return count == earlier.count ? 0 : (totalMillis - earlier.totalMillis) / (count - earlier.count);
        }
    }

    /** The server the run uses: its own durable embedded one, or HYPERMESH_TEST_DB_URL's. */
    private record Database(PostgresServer server, Path dataDirectory, String description) implements AutoCloseable {

        static Database start() throws IOException {
            String url = System.getenv("HYPERMESH_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                return new Database(TestPostgres.server(), null, "at HYPERMESH_TEST_DB_URL");
            }
            Path directory = Files.createTempDirectory("ledger-load-pgdata");
            PostgresServer server = PostgresServer.embedded(directory, 0);
            // The embedded server starts with synchronous_commit=off on its command line; a setting for all roles
            // overrides that, so every commit of the run (ledger and pgbench alike) waits for its WAL flush.
            server.execute("alter role all set synchronous_commit = on");
            return new Database(server, directory, "embedded, data in " + directory);
        }

        @Override
        public void close() throws IOException {
            if (dataDirectory != null) {
                server.close();
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            } else {
                server.dropDatabase("pgbench_ledger");
            }
        }
    }

    /** payment-service and routing-service as far as the ledger asks them: every author has a stake, one zone exists. */
    private static HttpServer remoteStub() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/payments/stakes/", exchange -> {
            String identity = exchange.getRequestURI().getPath().substring("/api/v1/payments/stakes/".length());
            respond(exchange, 200, "{\"identity\":\"" + identity + "\",\"staked\":5000000,\"unlocking\":0,\"total\":5000000}");
        });
        server.createContext("/api/v1/routing/zones/", exchange -> respond(exchange,
                exchange.getRequestURI().getPath().endsWith("/" + ZONE) ? 200 : 404,
                "{\"name\":\"" + ZONE + "\",\"bounds\":{\"min\":{\"x\":0,\"y\":0,\"z\":0},\"max\":{\"x\":100,\"y\":100,\"z\":100}}}"));
        // Many threads, as the real services have: a single-threaded stub would turn cache refreshes into a queue.
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int difficulty(ConfigurableApplicationContext service) {
        return service.getEnvironment().getProperty("hypermesh.ledger.proof.default-difficulty", Integer.class, 8);
    }

    /**
     * Request bodies with proofs made as a client makes them, on all cores: each by one of {@value #AUTHORS} authors,
     * anchored on the current head, stamped now, mined to the ledger's difficulty.
     */
    private static Queue<String> mine(HttpClient http, String base, int count, int difficulty) throws Exception {
        JsonNode head = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/blocks/head")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long anchorHeight = head.path("height").asLong();
        String anchorHash = head.path("hash").asString();
        List<Ed25519.Signer> authors = IntStream.range(0, AUTHORS).mapToObj(i -> Ed25519.generate()).toList();
        Queue<String> bodies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> miners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            miners.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("assetId", "a-" + (i % 500));
                    payload.put("executionId", "e-" + UUID.randomUUID());
                    payload.put("hostId", "h-" + (i % 97));
                    payload.put("meteredCpuMs", 1_000 + i % 50_000);
                    payload.put("exitCode", 0);
                    ConsensusProof proof = ConsensusProof.create(authors.get(i % AUTHORS), TYPE, CanonicalJson.tree(payload),
                            anchorHeight, anchorHash, Instant.now(), ZONE, 10 + i % 80, 50, 50, difficulty);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", TYPE);
                    body.put("payload", payload);
                    body.put("proof", proof.toJson());
                    bodies.add(JSON.writeValueAsString(body));
                }
                return null;
            }));
        }
        for (Future<?> miner : miners) {
            miner.get();
        }
        pool.shutdown();
        return bodies;
    }

    /**
     * Each submitter posts one request after another with a fresh Idempotency-Key; a request carries one block, or
     * {@code batch} blocks through the batch endpoint. Closed loop ({@code blocksPerSecond} 0): the next request goes when
     * the previous one has answered, and a latency is the request's own. Open loop: submitter {@code i} of {@code n} sends
     * at the times {@code start + (i + k·n) / requestsPerSecond}, k = 0, 1, ... — at once when it is behind — and a latency
     * counts from the scheduled time.
     */
    private static Phase run(int port, Queue<String> bodies, List<String> callerTokens, int seconds, int batch,
            double blocksPerSecond) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callerTokens.size());
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        int submitters = callerTokens.size();
        // Between two requests of one submitter in the open loop.
        long period = blocksPerSecond <= 0 ? 0 : (long) (1e9 * submitters * batch / blocksPerSecond);
        List<Future<Phase>> results = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            String token = callerTokens.get(s);
            long firstAt = start + period * s / submitters;
            results.add(pool.submit(() -> {
                KeepAliveHttpConnection connection = new KeepAliveHttpConnection("127.0.0.1", port);
                long[] latencies = new long[4096];
                int count = 0;
                Map<Integer, Integer> failures = new LinkedHashMap<>();
                boolean ranOut = false;
                for (long scheduled = firstAt; scheduled < end; scheduled += period) {
                    if (period > 0) {
                        for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    String body = next(bodies, batch);
                    if (body == null) {
                        ranOut = true;
                        break;
                    }
                    long sent = period > 0 ? scheduled : System.nanoTime();
                    int status = connection.postJson(batch == 1 ? "/api/v1/ledger/blocks" : "/api/v1/ledger/blocks/batch", token,
                            UUID.randomUUID().toString(), body);
                    long took = System.nanoTime() - sent;
                    if (status == 201) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                        if (TIMELINE != null) {
                            TIMELINE.add(new long[] {sent - start, took});
                        }
                    } else {
                        failures.merge(status, 1, Integer::sum);
                    }
                    if (period == 0) {
                        scheduled = System.nanoTime();
                    }
                }
                connection.close();
                return new Phase(count, failures, 0, Arrays.copyOf(latencies, count), ranOut);
            }));
        }
        List<long[]> all = new ArrayList<>();
        Map<Integer, Integer> failures = new LinkedHashMap<>();
        boolean ranOut = false;
        for (Future<Phase> result : results) {
            Phase submitter = result.get();
            all.add(submitter.latenciesNanos());
            submitter.failures().forEach((status, n) -> failures.merge(status, n, Integer::sum));
            ranOut |= submitter.ranOut();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase((long) sorted.length * batch, failures, elapsed, sorted, ranOut);
    }

    /** The next request body: one operation as it is, or {@code batch} of them as a batch; null when they ran out. */
    private static String next(Queue<String> bodies, int batch) {
        if (batch == 1) {
            return bodies.poll();
        }
        List<String> operations = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            String operation = bodies.poll();
            if (operation == null) {
                return null;
            }
            operations.add(operation);
        }
        return "{\"operations\":[" + String.join(",", operations) + "]}";
    }

    private static String settings(PostgresServer server, String... names) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(name + "=" + query(server, "show " + name));
        }
        return String.join(", ", values);
    }

    /** Server-wide WAL bytes and full-page images so far (pg_stat_wal). */
    private static long[] walBytesAndFullPages(PostgresServer server) throws SQLException {
        return new long[] {Long.parseLong(query(server, "select wal_bytes from pg_stat_wal")),
                Long.parseLong(query(server, "select wal_fpi from pg_stat_wal"))};
    }

    /** Server-wide WAL flushes so far; with fsync on, one per group commit (or per pgbench transaction). */
    private static long walSyncs(PostgresServer server) throws SQLException {
        return Long.parseLong(query(server, "select wal_sync from pg_stat_wal"));
    }

    private static void checkpoint(PostgresServer server) {
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException refused) {
            System.out.println("No checkpoint before the measured phases (" + refused.getMessage().strip() + ")");
        }
    }

    private static String query(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** pgbench's simple-update script (-N), one client, on its own scale-1 database of the same server. */
    private record Pgbench(Map<String, String> env) {

        record Result(long transactions, double seconds, double latencyMillisTotal) {

            double tps() {
                return transactions / seconds;
            }

            double averageMillis() {
                return latencyMillisTotal / transactions;
            }

            Result plus(Result other) {
                return new Result(transactions + other.transactions, seconds + other.seconds,
                        latencyMillisTotal + other.latencyMillisTotal);
            }
        }

        static Pgbench init(PostgresServer server) throws Exception {
            server.withDatabase("pgbench_ledger");
            Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(server.adminUrl());
            if (!url.find()) {
                throw new IllegalStateException("cannot read host and port from " + server.adminUrl());
            }
            Pgbench pgbench = new Pgbench(Map.of("PGHOST", url.group(1), "PGPORT", url.group(2), "PGUSER", server.adminUser(),
                    "PGPASSWORD", server.adminPassword(), "PGDATABASE", "pgbench_ledger"));
            exec(pgbench.env(), "pgbench", "-i", "-q", "-s", "1");
            return pgbench;
        }

        Result run(int seconds) throws Exception {
            String output = exec(env, "pgbench", "-N", "-c", "1", "-j", "1", "-T", String.valueOf(seconds), "-n");
            System.out.println(output.strip());
            Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
            if (!processed.find() || !tps.find() || !latency.find()) {
                throw new IllegalStateException("unexpected pgbench output:\n" + output);
            }
            long transactions = Long.parseLong(processed.group(1));
            return new Result(transactions, transactions / Double.parseDouble(tps.group(1)),
                    transactions * Double.parseDouble(latency.group(1)));
        }
    }

    private static String exec(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
