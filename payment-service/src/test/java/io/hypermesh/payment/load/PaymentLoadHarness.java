package io.hypermesh.payment.load;

import io.hypermesh.devsupport.HarnessArguments;
import io.hypermesh.devsupport.JitSettling;
import io.hypermesh.devsupport.JvmActivity;
import io.hypermesh.devsupport.KeepAliveHttpConnection;
import io.hypermesh.devsupport.Latencies;
import io.hypermesh.devsupport.PostgresServer;
import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.payment.PaymentServiceApplication;
import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transfers/s and latency of POST /transfers over real HTTP, beside pgbench TPC-B at the same client
 * count on the same PostgreSQL server in the same run. The service runs in this JVM on the embedded
 * PostgreSQL of the tests (its settings are printed: they are the same for both sides); each client is a
 * thread with its own keep-alive connection doing one transfer after another with a fresh
 * Idempotency-Key and a token issued once per account. Each phase also reports the CPU this JVM and
 * the PostgreSQL processes spent per transfer. Not a test: bench/payment-load.sh runs it.
 *
 * <p>Arguments: clients (default 8), seconds per measured phase (default 15), warm-up seconds (default 60; at least
 * that, then on until the JIT has settled — see {@link #warmUp}).
 * System property {@code service.args}: more service arguments, space-separated (e.g.
 * {@code -Dservice.args=--server.tomcat.threads.max=8}), to try a setting without editing this file.
 */
public final class PaymentLoadHarness {

    private static final int ACCOUNTS = 1_000;
    private static final int HOT_ACCOUNTS = 10;
    private static final long OPENING_BALANCE = 1_000_000L * 1_000_000L;
    private static final int WARMUP_ROUND_SECONDS = 5;

    private PaymentLoadHarness() {
    }

    /**
     * One measured phase. {@code jvmCpuNanos}: CPU of this whole JVM (service, load clients, JIT, GC);
     * {@code postgresCpuNanos}: CPU of the whole PostgreSQL server (postmaster, backends, background workers).
     */
    private record Phase(String name, long ok, long failed, double seconds, long[] latenciesNanos, long jvmCpuNanos,
            long postgresCpuNanos, long compileMillis, long gcCount, long gcMillis) {

        double microsPerTransfer(long cpuNanos) {
            return ok == 0 ? Double.NaN : cpuNanos / 1e3 / ok;
        }

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double percentile) {
            return Latencies.percentileMillis(latenciesNanos, percentile);
        }

        double averageMillis() {
            return Latencies.averageMillis(latenciesNanos);
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        // The JIT keeps compiling Spring's request path for tens of seconds on two cores; measure after it.
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        // HikariCP's sizing rule, twice the database's cores (PostgreSQL has this machine's): more connections than that
        // only add backends that take turns on the same cores (README, "Pool size"). -Dpool=N overrides it.
        int poolSize = Integer.getInteger("pool", 2 * Runtime.getRuntime().availableProcessors());
        ServiceDatabase database = TestPostgres.forService("payment");
        TestTokenIssuer tokens = TestTokenIssuer.shared();
        List<String> serviceArgs = List.of(
                "--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--management.tracing.sampling.probability=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        ConfigurableApplicationContext service = SpringApplication.run(PaymentServiceApplication.class,
                HarnessArguments.withServiceArgs(serviceArgs));
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        PostgresServer server = TestPostgres.server();
        try {
            List<String> identities = new ArrayList<>();
            List<String> clientTokens = new ArrayList<>();
            String operator = tokens.token(Ed25519.generate().identity().value(), "operator");
            try (KeepAliveHttpConnection http = new KeepAliveHttpConnection("127.0.0.1", port)) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    String identity = Ed25519.generate().identity().value();
                    identities.add(identity);
                    clientTokens.add(tokens.token(identity, "client"));
                    int status = http.postJson("/api/v1/payments/mints", operator, UUID.randomUUID().toString(),
                            "{\"account\":\"" + identity + "\",\"amount\":" + OPENING_BALANCE + "}");
                    if (status != 201) {
                        throw new IllegalStateException("mint answered " + status);
                    }
                }
            }
            System.out.printf("payment-service on port %d, %d accounts funded; %d clients, %d s per phase after at least %d s warm-up; "
                            + "%d database connections%n", port, ACCOUNTS, clients, seconds, warmup, poolSize);
            System.out.println("PostgreSQL server, the same for the service and pgbench: " + serverSettings(server));
            warmUp(port, server, identities, clientTokens, clients, warmup);
            Phase uniform = run(port, server, identities, clientTokens, ACCOUNTS, clients, seconds, "uniform (1,000 accounts)");
            Phase hot = run(port, server, identities, clientTokens, HOT_ACCOUNTS, clients, seconds, "hot (10 accounts)");
            String[] pgbench = pgbench(server, clients, seconds);
            double tps = Double.parseDouble(pgbench[0]);
            double pgLatency = Double.parseDouble(pgbench[1]);
            double pgCpuMicros = Double.parseDouble(pgbench[2]);

            System.out.println();
            System.out.printf("%-36s %8s %8s %8s %8s %8s%n", "", "ops/s", "avg ms", "p50 ms", "p99 ms", "non-2xx");
            for (Phase phase : List.of(uniform, hot)) {
                System.out.printf("%-36s %8.0f %8.2f %8.2f %8.2f %8d%n", "transfers " + phase.name(), phase.perSecond(),
                        phase.averageMillis(), phase.percentileMillis(50), phase.percentileMillis(99), phase.failed());
            }
            System.out.printf("%-36s %8.0f %8.2f%n", "pgbench TPC-B", tps, pgLatency);
            System.out.println();
            System.out.println("CPU per transfer (2 cores = 2,000,000 us of CPU per second):");
            for (Phase phase : List.of(uniform, hot)) {
                System.out.printf("  %-26s JVM (service + load clients + JIT + GC) %6.0f us, PostgreSQL %5.0f us, JIT compiling %5d ms, "
                                + "%d garbage collections (%d ms)%n",
                        phase.name(), phase.microsPerTransfer(phase.jvmCpuNanos()), phase.microsPerTransfer(phase.postgresCpuNanos()),
                        phase.compileMillis(), phase.gcCount(), phase.gcMillis());
            }
            System.out.printf("  %-26s PostgreSQL %5.0f us per transaction (pgbench's own CPU not counted)%n", "pgbench TPC-B", pgCpuMicros);
            System.out.println();
            System.out.printf("uniform / pgbench TPS = %.2f (goal >= 0.5)%n", uniform.perSecond() / tps);
            System.out.printf("hot / pgbench TPS     = %.2f (goal >= 0.25)%n", hot.perSecond() / tps);
            System.out.printf("uniform p99 / pgbench avg latency = %.2f (goal <= 5)%n", uniform.percentileMillis(99) / pgLatency);
            System.out.printf("hot p99 / pgbench avg latency     = %.2f (goal <= 5)%n", hot.percentileMillis(99) / pgLatency);
        } catch (Exception | Error failure) {
            LoggerFactory.getLogger(PaymentLoadHarness.class).error("The load run failed", failure);
            service.close();
            // The embedded PostgreSQL and the token issuer keep non-daemon threads: leave explicitly.
            System.exit(1);
        }
        service.close();
        System.exit(0);
    }

    /**
     * At least {@code minimumSeconds} of transfers, then more until the JIT has settled ({@link JitSettling}): rounds of
     * {@value #WARMUP_ROUND_SECONDS} s that switch between the uniform and the hot pattern (new clients and connections
     * each round, as the measured phases have), for at most three times the minimum in all. A fixed 60 s was not enough
     * here: the phase right after it still spent 1.5-2.6 s of its 15 s compiling.
     */
    private static void warmUp(int port, PostgresServer server, List<String> identities, List<String> clientTokens, int clients,
            int minimumSeconds) throws Exception {
        run(port, server, identities, clientTokens, ACCOUNTS, clients, minimumSeconds, "warm-up");
        int[] rounds = {0};
        JitSettling.Outcome outcome = JitSettling.repeatUntilSettled(WARMUP_ROUND_SECONDS, 2.0 * minimumSeconds, seconds -> {
            run(port, server, identities, clientTokens, rounds[0]++ % 2 == 0 ? ACCOUNTS : HOT_ACCOUNTS, clients, seconds,
                    "warm-up round");
            return true;
        });
        System.out.printf("warm-up: %d s, then %s%n", minimumSeconds, outcome.describe());
    }

    /** Closed loop: each client sends its next transfer over its own keep-alive connection when the previous one has answered. */
    private static Phase run(int port, PostgresServer server, List<String> identities, List<String> clientTokens, int among,
            int clients, int seconds, String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long jvmCpuBefore = JvmActivity.processCpuNanos();
        long postgresCpuBefore = postgresCpuNanos(server);
        long compileBefore = JvmActivity.compileMillis();
        long[] gcBefore = JvmActivity.gcCountAndMillis();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] latencies = new long[1024];
                int count = 0;
                long failed = 0;
                try (KeepAliveHttpConnection http = new KeepAliveHttpConnection("127.0.0.1", port)) {
                    while (System.nanoTime() < end) {
                        int from = random.nextInt(among);
                        int to = random.nextInt(among - 1);
                        to = to >= from ? to + 1 : to;
                        String body = "{\"to\":\"" + identities.get(to) + "\",\"amount\":" + (1 + random.nextInt(1_000_000)) + "}";
                        String key = UUID.randomUUID().toString();
                        long sent = System.nanoTime();
                        int status = http.postJson("/api/v1/payments/transfers", clientTokens.get(from), key, body);
                        long took = System.nanoTime() - sent;
                        if (status == 201) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = took;
                        } else {
                            failed++;
                        }
                    }
                }
                long[] out = Arrays.copyOf(latencies, count + 1);
                out[count] = -failed - 1;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long failed = 0;
        for (Future<long[]> result : results) {
            long[] latencies = result.get();
            failed += -latencies[latencies.length - 1] - 1;
            for (int i = 0; i < latencies.length - 1; i++) {
                all.add(latencies[i]);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long jvmCpu = JvmActivity.processCpuNanos() - jvmCpuBefore;
        long postgresCpu = postgresCpuNanos(server) - postgresCpuBefore;
        long compile = JvmActivity.compileMillis() - compileBefore;
        long[] gcAfter = JvmActivity.gcCountAndMillis();
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, sorted.length, failed, elapsed, sorted, jvmCpu, postgresCpu, compile, gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1]);
    }

    /** The server settings that decide what a commit costs, as the server reports them. */
    private static String serverSettings(PostgresServer server) throws Exception {
        StringBuilder settings = new StringBuilder();
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
                ResultSet rows = admin.createStatement().executeQuery("""
                        select name, setting, unit from pg_settings
                        where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level',
                                       'shared_buffers', 'max_connections')
                        order by name""")) {
            while (rows.next()) {
                settings.append(settings.isEmpty() ? "" : ", ").append(rows.getString(1)).append('=').append(rows.getString(2))
                        .append(rows.getString(3) == null ? "" : " x " + rows.getString(3));
            }
        }
        return settings.toString();
    }

    /**
     * CPU used so far by the whole server, from /proc: the postmaster, every live child (backends and
     * background workers) and the children that already exited (the postmaster's cutime and cstime),
     * so pgbench's short-lived connections count as well as the service's pooled ones.
     */
    private static long postgresCpuNanos(PostgresServer server) throws Exception {
        String dataDirectory;
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword());
                ResultSet row = admin.createStatement().executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            row.next();
            dataDirectory = row.getString(1);
        }
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                // After the command name: state, ppid, ... utime (12th), stime, cutime, cstime; clock ticks, 100 a second.
                String[] fields;
                try {
                    String line = Files.readString(process.resolve("stat"));
                    fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                } catch (IOException gone) {
                    continue; // exited while we looked
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } else if (Long.parseLong(fields[1]) == postmaster) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks * 10_000_000L;
    }

    /**
     * pgbench's built-in TPC-B-like script, scale 1, on its own database of the same server:
     * {tps, average latency ms, server CPU µs per transaction}.
     */
    private static String[] pgbench(PostgresServer server, int clients, int seconds) throws Exception {
        server.withDatabase("pgbench_payment");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(server.adminUrl());
        if (!url.find()) {
            throw new IllegalStateException("cannot read host and port from " + server.adminUrl());
        }
        Map<String, String> env = Map.of("PGHOST", url.group(1), "PGPORT", url.group(2), "PGUSER", server.adminUser(),
                "PGPASSWORD", server.adminPassword(), "PGDATABASE", "pgbench_payment");
        exec(env, "pgbench", "-i", "-q", "-s", "1");
        long postgresCpuBefore = postgresCpuNanos(server);
        long jvmCpuBefore = JvmActivity.processCpuNanos();
        String output = exec(env, "pgbench", "-b", "tpcb-like", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-n");
        long postgresCpu = postgresCpuNanos(server) - postgresCpuBefore;
        long jvmCpu = JvmActivity.processCpuNanos() - jvmCpuBefore;
        System.out.println(output.strip());
        // The idle service (JIT still compiling, GC, schedulers) shares the cores with pgbench: say how much.
        System.out.printf("this JVM used %.0f ms of CPU while pgbench ran (%d s)%n", jvmCpu / 1e6, seconds);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
        if (!tps.find() || !latency.find() || !processed.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return new String[] {tps.group(1), latency.group(1),
                String.valueOf(postgresCpu / 1e3 / Long.parseLong(processed.group(1)))};
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
