package io.hypermesh.deploy;

import io.hypermesh.devsupport.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local run (deploy/run-local.sh calls it): a PostgreSQL (the one named by
 * HYPERMESH_DB_URL, or an embedded one whose data lives in .hypermesh/pgdata and survives restarts),
 * the five services and the gateway, each its own JVM. Ctrl-C or SIGTERM stops everything.
 */
public final class LocalSuite {

    private static final int EMBEDDED_POSTGRES_PORT = 54329;

    private LocalSuite() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path state = root.resolve(".hypermesh");
        Files.createDirectories(state);

        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        int base = Integer.parseInt(System.getenv().getOrDefault("HYPERMESH_PORT_BASE", "8080"));
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, base + service.defaultPort() - 8080);
        }
        Map<String, String> environment = new HashMap<>();
        passThrough(environment, "HYPERMESH_OPERATORS", "HYPERMESH_SERVICE_IDENTITIES", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        // A local suite is for trying things: payment-service's development faucet is on unless switched off.
        environment.put("HYPERMESH_FAUCET_ENABLED", System.getenv().getOrDefault("HYPERMESH_FAUCET_ENABLED", "true"));

        SuiteLauncher suite = new SuiteLauncher(root, state.resolve("logs"), state.resolve("keys"), ports, environment);
        if (!suite.missingJars().isEmpty()) {
            System.err.println("Missing jars " + suite.missingJars() + ": build with ./mvnw -DskipTests package");
            System.exit(2);
        }
        // Written before anything starts, so that a second start (or "stop") finds this suite while it boots.
        Files.writeString(state.resolve("suite.pid"), Long.toString(ProcessHandle.current().pid()));
        PostgresServer postgres = openDatabase(state, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping HyperMesh ...");
            suite.close();
            postgres.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "suite-stop"));

        out.println("Starting registry, execution, routing, payment, ledger and gateway (logs in " + state.resolve("logs") + ") ...");
        suite.start(postgres);
        suite.awaitReady(Duration.ofMinutes(5));

        out.println();
        out.println("HyperMesh Compute is running.");
        out.printf("  Gateway:     %s%n", suite.gatewayUrl());
        out.printf("  Swagger UI:  %s/swagger-ui.html%n", suite.gatewayUrl());
        for (SuiteService service : SuiteService.backends()) {
            out.printf("  %-18s http://127.0.0.1:%d  (schema %s)%n", service.module() + ":", suite.port(service), service.schema());
        }
        out.printf("  Memory: %d MiB in all (the six service JVMs %d MiB; the rest is this launcher and PostgreSQL)%n",
                SuiteLauncher.footprintKilobytes() / 1024, suite.residentMemoryKilobytes() / 1024);
        out.println("Press Ctrl-C (or run deploy/run-local.sh stop) to stop.");
        stopped.await();
    }

    private static PostgresServer openDatabase(Path state, PrintStream out) throws IOException {
        String url = System.getenv("HYPERMESH_DB_URL");
        if (url != null && !url.isBlank()) {
            out.println("Using PostgreSQL at " + url);
            return PostgresServer.external(url,
                    System.getenv().getOrDefault("HYPERMESH_DB_USER", "postgres"),
                    System.getenv().getOrDefault("HYPERMESH_DB_PASSWORD", ""));
        }
        Path data = state.resolve("pgdata");
        Files.createDirectories(data);
        out.println("Starting embedded PostgreSQL on port " + EMBEDDED_POSTGRES_PORT + " (data in " + data + ") ...");
        PostgresServer embedded = PostgresServer.embedded(data, EMBEDDED_POSTGRES_PORT);
        return embedded.withDatabase("hypermesh");
    }

    private static void passThrough(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
    }
}
