package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.deploy.host.TestHost;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.protocol.GatewaySignIn;
import io.hypermesh.protocol.KeyFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The world of the execution tests: the whole suite running, clients that sign in and get CAES from the faucet,
 * deployed assets, and real host processes ({@link TestHost}) pulling assignments and running the code with python3.
 */
abstract class ExecutionSuiteTest {
    protected static final Ed25519.Signer OPERATOR = Ed25519.generate();
    protected static final String WORD_COUNT = "def main(text, unit=None):\n    return len(text.split())\n";
    protected static SuiteLauncher suite;
    protected static TestHttp gateway;
    protected static GatewaySignIn signIn;
    private static Path logDirectory;
    protected final List<Process> hosts = new ArrayList<>();

    /** Starts the whole suite once per test class, with the operator, the faucet and what the class adds. */
    protected static void startSuite(String logs, Map<String, String> settings) throws IOException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("HYPERMESH_OPERATORS", OPERATOR.identity().value());
        environment.put("HYPERMESH_FAUCET_ENABLED", "true");
        // Every anonymous call of the tests (ledger reads, the supply) comes from loopback and shares one limit.
        environment.putIfAbsent("HYPERMESH_RATE_LIMIT_ANONYMOUS", "6000");
        logDirectory = Path.of("target", logs);
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, freePort());
        }
        suite = new SuiteLauncher(Path.of("..").toAbsolutePath().normalize(), logDirectory, Path.of("target", logs + "-keys"),
                ports, environment);
        suite.start(TestPostgres.server());
        suite.awaitReady(Duration.ofMinutes(6));
        gateway = new TestHttp(suite.gatewayUrl());
        signIn = new GatewaySignIn(URI.create(suite.gatewayUrl()));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(Process::destroyForcibly);
    }

    protected record Client(Ed25519.Signer key, String token) {
        String identity() {
            return key.identity().value();
        }
    }

    protected record Submission(String idempotencyKey, ObjectNode body) {
    }

    protected static Client newClient() throws IOException {
        Ed25519.Signer key = Ed25519.generate();
        String token = signIn.signIn(key, List.of("client")).accessToken();
        Response granted = gateway.post("/api/v1/payments/faucet", Map.of()).bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return new Client(key, token);
    }

    protected Ed25519.Signer startHost(String zone, String behaviour) throws IOException {
        Ed25519.Signer key = Ed25519.generate();
        Path keyFile = Files.createTempDirectory("test-host-key").resolve("host.key");
        KeyFile.write(keyFile, key);
        Path log = logDirectory.resolve("host-" + key.identity().value() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TestHost.class.getName(),
                suite.gatewayUrl(), keyFile.toString(), zone, behaviour)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        hosts.add(process);
        String reader = newClient().token();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                gateway.get("/api/v1/routing/hosts/" + key.identity().value()).bearer(reader).send().status() == 200);
        return key;
    }

    protected static void stake(Ed25519.Signer host, long amount) throws IOException {
        String token = signIn.signIn(host, List.of("host")).accessToken();
        assertThat(gateway.post("/api/v1/payments/faucet", Map.of()).bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().status()).isEqualTo(201);
        Response staked = gateway.post("/api/v1/payments/stakes", Map.of("amount", amount)).bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(staked.status()).as(staked.body()).isEqualTo(201);
        // What the faucet gave beyond the stake is moved away, so that the host's wallet shows only what it earns.
        Response moved = gateway.post("/api/v1/payments/transfers", Map.of("to", OPERATOR.identity().value(),
                "amount", balance(host.identity().value()))).bearer(token).header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
    }

    protected static long balance(String identity) throws IOException {
        String operator = signIn.signIn(OPERATOR, List.of("operator")).accessToken();
        Response account = gateway.get("/api/v1/payments/accounts/" + identity).bearer(operator).send();
        return account.status() == 404 ? 0 : account.json().path("balance").asLong();
    }

    protected static String deployedAsset(Client owner, String code, String zone) throws IOException {
        String assetId = createAsset(owner.token(), code);
        String versionPath = "/api/v1/registry/assets/" + assetId + "/versions/1";
        JsonNode operation = gateway.get(versionPath + "/deployment-operation").bearer(owner.token()).send().json();
        JsonNode head = gateway.get("/api/v1/ledger/blocks/head").send().json();
        ConsensusProof proof = ConsensusProof.create(owner.key(), operation.path("type").asString(), operation.path("payload"),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), zone, 5, 5, 5, 8);
        Response deployed = gateway.post(versionPath + "/deployment", Map.of("proof", proof.toJson())).bearer(owner.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        return assetId;
    }

    protected static String createAsset(String ownerToken, String code) {
        Response created = gateway.post("/api/v1/registry/assets", Map.of(
                        "name", "word-count", "runtime", "python", "code", code, "entrypoint", "main", "privacy", "FULL_PUBLIC",
                        "resources", Map.of("cpuCores", 1, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30)))
                .bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A signed submission: the EXECUTION operation rebuilt as the service will, the client's proof over it. */
    protected static Submission request(Client client, String assetId, int redundancy, String zone, String text, long maxPrice) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        ExecutionOperation operation = new ExecutionOperation(ExecutionOperation.executionId(client.identity(), key),
                client.identity(), assetId, 1, JsonNodeFactory.instance.stringNode(text), null, null, redundancy, "BALANCED",
                List.of(zone), null, maxPrice, deadline);
        JsonNode head = gateway.get("/api/v1/ledger/blocks/head").send().json();
        ConsensusProof proof = ConsensusProof.create(client.key(), ExecutionOperation.BLOCK_TYPE, operation.payload(),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), zone, 5, 5, 5, 8);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("assetId", assetId);
        body.put("version", 1);
        body.put("input", text);
        body.put("redundancy", redundancy);
        body.put("strategy", "BALANCED");
        body.putArray("allowedZones").add(zone);
        body.put("maxPrice", maxPrice);
        body.put("deadline", deadline.toString());
        body.set("proof", proof.toJson());
        return new Submission(key, body);
    }

    protected static Response post(Client client, Submission submission) {
        return gateway.post("/api/v1/executions", submission.body()).bearer(client.token())
                .header("Idempotency-Key", submission.idempotencyKey()).send();
    }

    protected static JsonNode submit(Client client, String assetId, int redundancy, String zone, String text, long maxPrice) {
        Response submitted = post(client, request(client, assetId, redundancy, zone, text, maxPrice));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.header("Location")).endsWith("/api/v1/executions/" + submitted.json().path("id").asString());
        return submitted.json();
    }

    protected static void assertRefused(Client client, Submission submission, int status, String type) {
        Response refused = post(client, submission);
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.json().path("type").asString()).as(refused.body()).endsWith("/" + type);
    }

    protected static JsonNode awaitOutcome(Client client, JsonNode submitted) {
        return awaitOutcome(client, submitted.path("id").asString());
    }

    protected static JsonNode awaitOutcome(Client client, String id) {
        return awaitOutcome(client, id, Duration.ofSeconds(90));
    }

    protected static JsonNode awaitOutcome(Client client, String id, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = gateway.get("/api/v1/executions/" + id).bearer(client.token()).send().json().path("state").asString();
            return List.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED").contains(state);
        });
        return gateway.get("/api/v1/executions/" + id).bearer(client.token()).send().json();
    }

    protected static String createZone() throws IOException {
        String operator = signIn.signIn(OPERATOR, List.of("operator")).accessToken();
        String zone = "ex-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = gateway.post("/api/v1/routing/zones", Map.of("name", zone, "bounds", Map.of(
                "min", Map.of("x", 0, "y", 0, "z", 0), "max", Map.of("x", 10, "y", 10, "z", 10)))).bearer(operator).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return zone;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
