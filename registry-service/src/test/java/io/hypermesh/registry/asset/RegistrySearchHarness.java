package io.hypermesh.registry.asset;

import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.registry.RegistryServiceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search latency over real HTTP at a million assets: the service runs in this JVM on the tests' embedded
 * PostgreSQL (or HYPERMESH_TEST_DB_URL), {@link SearchSeed} loads the assets, then each supported
 * combination ({@link SupportedSearches}) is asked one request at a time, first page of 20, after a
 * warm-up; p50/p95/p99 per combination against the 50 ms goal. Not a test: bench/registry-search.sh runs it.
 *
 * <p>Arguments: rows (default 1,000,000), measured requests per combination (default 200), warm-up
 * requests per combination (default 30). With HYPERMESH_BENCH_DB_URL (+ HYPERMESH_BENCH_DB_USER,
 * HYPERMESH_BENCH_DB_PASSWORD; a user that may create the schema {@code registry}) it uses that database and
 * keeps it, so a second run finds the assets seeded and goes straight to measuring.
 */
public final class RegistrySearchHarness {

    private static final double GOAL_P95_MS = 50;

    private RegistrySearchHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;

        String benchUrl = System.getenv("HYPERMESH_BENCH_DB_URL");
        ServiceDatabase database = benchUrl == null || benchUrl.isBlank()
                ? TestPostgres.forService("registry")
                : new ServiceDatabase(benchUrl, System.getenv().getOrDefault("HYPERMESH_BENCH_DB_USER", "postgres"),
                        System.getenv().getOrDefault("HYPERMESH_BENCH_DB_PASSWORD", "postgres"), "registry");
        TestTokenIssuer tokens = TestTokenIssuer.shared();
        ConfigurableApplicationContext service = SpringApplication.run(RegistryServiceApplication.class,
                "--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--management.tracing.sampling.probability=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            long seeding = System.nanoTime();
            SearchSeed.seed(service.getBean(DataSource.class), 1, rows + 1, done -> System.out.printf("  seeded %,d%n", done - 1));
            System.out.printf("Seeded %,d assets in %.0f s (generate_series SQL, then ANALYZE; batches already there are skipped).%n", rows,
                    (System.nanoTime() - seeding) / 1e9);

            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = tokens.token(SupportedSearches.VIEWER, "client");
            String base = "http://127.0.0.1:" + port + "/api/v1/registry/assets?limit=20";
            System.out.printf("%nregistry-service on port %d; %d requests per combination after %d warm-up, one at a time, "
                    + "first page of 20, as a seeded owner who is in a network%n%n", port, requests, warmup);
            for (int i = 0; i < warmup; i++) {
                // The JIT and the buffer cache see every combination before any is measured.
                for (String query : SupportedSearches.ALL.values()) {
                    get(http, base + (query.isEmpty() ? "" : "&" + query), token);
                }
            }
            System.out.printf("%-26s %6s %8s %8s %8s %8s  %s%n", "combination", "items", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "p95 <= 50 ms");
            int failed = 0;
            for (Map.Entry<String, String> combination : SupportedSearches.ALL.entrySet()) {
                String url = base + (combination.getValue().isEmpty() ? "" : "&" + combination.getValue());
                int items = get(http, url, token);
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    get(http, url, token);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                boolean ok = percentile(nanos, 95) <= GOAL_P95_MS;
                failed += ok ? 0 : 1;
                System.out.printf("%-26s %6d %8.2f %8.2f %8.2f %8.2f  %s%n", combination.getKey(), items, percentile(nanos, 50),
                        percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6, ok ? "yes" : "NO");
            }
            System.out.printf("%n%d of %d combinations within the goal.%n", SupportedSearches.ALL.size() - failed,
                    SupportedSearches.ALL.size());
        } finally {
            service.close();
        }
        System.exit(0); // the test token issuer's HTTP server would keep the JVM alive
    }

    /** The number of items on the page; anything but 200 stops the run. */
    private static int get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.replace(" ", "+")))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().split("\"codeDigest\"", -1).length - 1;
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
