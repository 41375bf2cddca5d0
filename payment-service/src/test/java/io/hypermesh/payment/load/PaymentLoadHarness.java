package io.hypermesh.payment.load;

import io.hypermesh.devsupport.PostgresServer;
import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.payment.PaymentServiceApplication;
import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transfers/s and latency of POST /transfers over real HTTP, beside pgbench TPC-B at the same client
 * count on the same PostgreSQL server in the same run. The service runs in this JVM on the embedded
 * PostgreSQL of the tests (fsync off — for both sides alike); each client is a thread doing one
 * transfer after another with a fresh Idempotency-Key. Not a test: bench/payment-load.sh runs it.
 *
 * <p>Arguments: clients (default 8), seconds per measured phase (default 15), warm-up seconds (default 5).
 */
public final class PaymentLoadHarness {

    private static final int ACCOUNTS = 1_000;
    private static final int HOT_ACCOUNTS = 10;
    private static final long OPENING_BALANCE = 1_000_000L * 1_000_000L;

    private PaymentLoadHarness() {
    }

    private record Phase(String name, long ok, long failed, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }

        double averageMillis() {
            return Arrays.stream(latenciesNanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        ServiceDatabase database = TestPostgres.forService("payment");
        TestTokenIssuer tokens = TestTokenIssuer.shared();
        ConfigurableApplicationContext service = SpringApplication.run(PaymentServiceApplication.class,
                "--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, clients + 2),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--management.tracing.sampling.probability=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            List<String> identities = new ArrayList<>();
            List<String> clientTokens = new ArrayList<>();
            String operator = tokens.token(Ed25519.generate().identity().value(), "operator");
            for (int i = 0; i < ACCOUNTS; i++) {
                String identity = Ed25519.generate().identity().value();
                identities.add(identity);
                clientTokens.add(tokens.token(identity, "client"));
                int status = post(http, base + "/api/v1/payments/mints", operator,
                        "{\"account\":\"" + identity + "\",\"amount\":" + OPENING_BALANCE + "}");
                if (status != 201) {
                    throw new IllegalStateException("mint answered " + status);
                }
            }
            System.out.printf("payment-service on port %d, %d accounts funded; %d clients, %d s per phase after %d s warm-up%n",
                    port, ACCOUNTS, clients, seconds, warmup);
            run(http, base, identities, clientTokens, ACCOUNTS, clients, warmup, "warm-up");
            Phase uniform = run(http, base, identities, clientTokens, ACCOUNTS, clients, seconds, "uniform (1,000 accounts)");
            Phase hot = run(http, base, identities, clientTokens, HOT_ACCOUNTS, clients, seconds, "hot (10 accounts)");
            String[] pgbench = pgbench(TestPostgres.server(), clients, seconds);
            double tps = Double.parseDouble(pgbench[0]);
            double pgLatency = Double.parseDouble(pgbench[1]);

            System.out.println();
            System.out.printf("%-36s %8s %8s %8s %8s %8s%n", "", "ops/s", "avg ms", "p50 ms", "p99 ms", "non-2xx");
            for (Phase phase : List.of(uniform, hot)) {
                System.out.printf("%-36s %8.0f %8.2f %8.2f %8.2f %8d%n", "transfers " + phase.name(), phase.perSecond(),
                        phase.averageMillis(), phase.percentileMillis(50), phase.percentileMillis(99), phase.failed());
            }
            System.out.printf("%-36s %8.0f %8.2f%n", "pgbench TPC-B", tps, pgLatency);
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

    /** Closed loop: each client sends its next transfer when the previous one has answered. */
    private static Phase run(HttpClient http, String base, List<String> identities, List<String> clientTokens, int among,
            int clients, int seconds, String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] latencies = new long[1024];
                int count = 0;
                long failed = 0;
                while (System.nanoTime() < end) {
                    int from = random.nextInt(among);
                    int to = random.nextInt(among - 1);
                    to = to >= from ? to + 1 : to;
                    long sent = System.nanoTime();
                    int status = post(http, base + "/api/v1/payments/transfers", clientTokens.get(from),
                            "{\"to\":\"" + identities.get(to) + "\",\"amount\":" + (1 + random.nextInt(1_000_000)) + "}");
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
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, sorted.length, failed, elapsed, sorted);
    }

    private static int post(HttpClient http, String url, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /** pgbench's built-in TPC-B-like script, scale 1, on its own database of the same server: {tps, average latency ms}. */
    private static String[] pgbench(PostgresServer server, int clients, int seconds) throws Exception {
        server.withDatabase("pgbench_payment");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(server.adminUrl());
        if (!url.find()) {
            throw new IllegalStateException("cannot read host and port from " + server.adminUrl());
        }
        Map<String, String> env = Map.of("PGHOST", url.group(1), "PGPORT", url.group(2), "PGUSER", server.adminUser(),
                "PGPASSWORD", server.adminPassword(), "PGDATABASE", "pgbench_payment");
        exec(env, "pgbench", "-i", "-q", "-s", "1");
        String output = exec(env, "pgbench", "-b", "tpcb-like", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-n");
        System.out.println(output.strip());
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return new String[] {tps.group(1), latency.group(1)};
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
