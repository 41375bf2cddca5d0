package io.hypermesh.deploy;

import io.hypermesh.devsupport.PostgresServer;
import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.protocol.KeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts every service of the suite as its own JVM from its packaged jar, wired to one PostgreSQL
 * (a schema and role each) and to the gateway's token issuer, waits until each reports ready, and
 * stops them again. Used by the one-command local run and by the end-to-end tests.
 */
public final class SuiteLauncher implements AutoCloseable {

    /** Small heaps, serial GC and C1 only: six JVMs fit a laptop; override with HYPERMESH_JAVA_OPTS. */
    public static final String DEFAULT_JAVA_OPTS =
            "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TieredStopAtLevel=1";

    private final Path repositoryRoot;
    private final Path logDirectory;
    private final Path keyDirectory;
    private final Map<SuiteService, Integer> ports;
    private final Map<String, String> extraEnvironment;
    private final Map<SuiteService, Process> processes = new EnumMap<>(SuiteService.class);
    private final Map<SuiteService, ServiceDatabase> databases = new EnumMap<>(SuiteService.class);
    private String serviceIdentities;
    private String executionIdentity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param keyDirectory where each backend's own Ed25519 key lives ({@code <schema>.key}, created on first
     *                     start); the gateway grants role {@code service} to exactly these identities plus any in
     *                     {@code HYPERMESH_SERVICE_IDENTITIES} of {@code extraEnvironment}
     */
    public SuiteLauncher(Path repositoryRoot, Path logDirectory, Path keyDirectory, Map<SuiteService, Integer> ports,
            Map<String, String> extraEnvironment) {
        this.repositoryRoot = repositoryRoot;
        this.logDirectory = logDirectory;
        this.keyDirectory = keyDirectory;
        this.ports = new EnumMap<>(ports);
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public Path jarOf(SuiteService service) {
        return repositoryRoot.resolve(service.module()).resolve("target").resolve(service.module() + "-0.1.0-SNAPSHOT.jar");
    }

    public List<Path> missingJars() {
        return java.util.Arrays.stream(SuiteService.values()).map(this::jarOf).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    public int port(SuiteService service) {
        return ports.get(service);
    }

    public String gatewayUrl() {
        return "http://localhost:" + port(SuiteService.GATEWAY);
    }

    /** Provisions each schema and role (fresh random passwords each start) and starts every process. */
    public void start(PostgresServer database) {
        List<Path> missing = missingJars();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("build the suite first (./mvnw -DskipTests package); missing: " + missing);
        }
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> identities = new ArrayList<>();
        for (SuiteService backend : SuiteService.backends()) {
            try {
                String identity = KeyFile.readOrCreate(keyFileOf(backend)).identity().value();
                identities.add(identity);
                if (backend == SuiteService.EXECUTION) {
                    executionIdentity = identity;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read or create the key of " + backend.module(), e);
            }
        }
        String configured = extraEnvironment.getOrDefault("HYPERMESH_SERVICE_IDENTITIES", "");
        if (!configured.isBlank()) {
            identities.add(configured);
        }
        serviceIdentities = String.join(",", identities);
        for (SuiteService service : SuiteService.values()) {
            databases.put(service, database.provision(service.schema(), randomPassword()));
            processes.put(service, launch(service));
        }
    }

    private Path keyFileOf(SuiteService backend) {
        return keyDirectory.resolve(backend.schema() + ".key");
    }

    private Process launch(SuiteService service) {
        return launch(service, Map.of());
    }

    private Process launch(SuiteService service, Map<String, String> thisStartOnly) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // HYPERMESH_JAVA_OPTS_ROUTING (and so on) overrides HYPERMESH_JAVA_OPTS for one service, e.g. a bigger heap.
        String javaOptions = System.getenv().getOrDefault("HYPERMESH_JAVA_OPTS_" + service.schema().toUpperCase(),
                System.getenv().getOrDefault("HYPERMESH_JAVA_OPTS", DEFAULT_JAVA_OPTS));
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.add("-jar");
        command.add(jarOf(service).toString());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve(service.module() + ".log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(databases.get(service).environment());
        environment.put("SERVER_PORT", Integer.toString(port(service)));
        environment.put("HYPERMESH_ISSUER", gatewayUrl());
        environment.put("HYPERMESH_JWK_SET_URI", gatewayUrl() + "/.well-known/jwks.json");
        // Every process learns where the others are: the gateway routes to them, the ledger asks payment for
        // stakes and routing for zones.
        for (SuiteService backend : SuiteService.backends()) {
            environment.put("HYPERMESH_" + backend.schema().toUpperCase() + "_URL", "http://127.0.0.1:" + port(backend));
        }
        environment.putAll(extraEnvironment);
        environment.putAll(thisStartOnly);
        if (service == SuiteService.GATEWAY) {
            environment.put("HYPERMESH_SERVICE_IDENTITIES", serviceIdentities);
        } else {
            // Only the gateway is reachable from outside this machine; the services listen on loopback.
            environment.put("HYPERMESH_BIND_ADDRESS", "127.0.0.1");
            // A backend signs in at the gateway with its own key when it calls another service (role service).
            environment.put("HYPERMESH_GATEWAY_URL", gatewayUrl());
            environment.put("HYPERMESH_SERVICE_KEY_FILE", keyFileOf(service).toAbsolutePath().toString());
            // payment-service lets only execution-service hold, settle and release escrow.
            environment.put("HYPERMESH_EXECUTION_SERVICE_IDENTITIES", executionIdentity);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    /** Waits until every process answers its readiness probe; fails fast when one exits. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (SuiteService service : SuiteService.values()) {
            URI readiness = URI.create("http://127.0.0.1:" + port(service) + "/actuator/health/readiness");
            while (!isReady(readiness)) {
                Process process = processes.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                            + "; see " + logDirectory.resolve(service.module() + ".log"));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.module() + " not ready after " + timeout
                            + "; see " + logDirectory.resolve(service.module() + ".log"));
                }
                pause();
            }
        }
    }

    private boolean isReady(URI readiness) {
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", e);
        }
    }

    /** Stops one process (for tests that show what the gateway does when a service is down). */
    public void stop(SuiteService service) {
        Process process = processes.remove(service);
        if (process != null) {
            terminate(process);
        }
    }

    /** Starts a stopped service again with the same schema, role and key; {@link #awaitReady} waits for it. */
    public void restart(SuiteService service) {
        restart(service, Map.of());
    }

    /** The same, with some environment variables set for this start only (e.g. a fault to inject). */
    public void restart(SuiteService service, Map<String, String> environment) {
        stop(service);
        processes.put(service, launch(service, environment));
    }

    /** The process of a service as started, for tests that wait for it to end or kill it. */
    public Process process(SuiteService service) {
        return processes.get(service);
    }

    public long residentMemoryKilobytes() {
        long total = 0;
        for (Process process : processes.values()) {
            total += residentKilobytes(process.pid());
        }
        return total;
    }

    /**
     * The whole footprint on this machine: this launcher's JVM and everything it started — the six service JVMs
     * and, when embedded, PostgreSQL's processes. Shared pages are counted once per process, so this is an upper
     * bound.
     */
    public static long footprintKilobytes() {
        ProcessHandle self = ProcessHandle.current();
        return residentKilobytes(self.pid()) + self.descendants().mapToLong(child -> residentKilobytes(child.pid())).sum();
    }

    private static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process just ended: nothing to add
        }
        return 0;
    }

    @Override
    public void close() {
        // Gateway first, so no request reaches a service that is already going away.
        List<SuiteService> order = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(order);
        order.forEach(service -> processes.get(service).destroy());
        for (SuiteService service : order) {
            terminate(processes.get(service));
        }
        processes.clear();
    }

    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500); // a readiness poll interval, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
