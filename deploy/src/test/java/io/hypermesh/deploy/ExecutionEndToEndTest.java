package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.deploy.host.TestHost;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.protocol.GatewaySignIn;
import io.hypermesh.protocol.KeyFile;
import io.hypermesh.protocol.ResultAttestation;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executions end to end: the whole suite running, clients submitting through the gateway, and real host processes
 * ({@link TestHost}) pulling assignments and running the code with python3. Each test checks the outcome, the
 * blocks and that every micro-CAES of the hold is accounted for.
 */
class ExecutionEndToEndTest {

    private static final Ed25519.Signer OPERATOR = Ed25519.generate();
    private static final String WORD_COUNT = "def main(text, unit=None):\n    return len(text.split())\n";
    private static SuiteLauncher suite;
    private static TestHttp gateway;
    private static GatewaySignIn signIn;
    private final List<Process> hosts = new ArrayList<>();

    @BeforeAll
    static void startSuite() throws IOException {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, freePort());
        }
        suite = new SuiteLauncher(Path.of("..").toAbsolutePath().normalize(), Path.of("target", "e2e-executions-logs"),
                Path.of("target", "e2e-executions-keys"), ports,
                Map.of("HYPERMESH_OPERATORS", OPERATOR.identity().value(),
                        "HYPERMESH_FAUCET_ENABLED", "true",
                        // A host that stops heartbeating is OFFLINE (its work reassigned) within seconds.
                        "HYPERMESH_HOST_HEARTBEAT_TIMEOUT", "4s",
                        "HYPERMESH_HOST_SWEEP_INTERVAL", "1s",
                        "HYPERMESH_PLACEMENT_DISPATCH_INTERVAL", "200ms"));
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

    @Test
    void shouldRunOnOneHostRecordBothBlocksAndPayTheHostFromTheEscrow() throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, WORD_COUNT, zone);
        Ed25519.Signer host = startHost(zone, "honest");
        long before = balance(client.identity());

        JsonNode execution = awaitOutcome(client, submit(client, assetId, 1, zone, "to be or not to be", 10_000_000L));

        assertThat(execution.path("state").asString()).as(execution.toString()).isEqualTo("COMPLETED");
        Response result = gateway.get("/api/v1/executions/" + execution.path("id").asString() + "/result").bearer(client.token()).send();
        assertThat(result.json().path("output").asString()).isEqualTo("6");
        assertThat(result.json().path("exitCode").asInt()).isZero();
        assertThat(result.json().path("outputDigest").asString())
                .isEqualTo(Digests.sha256Hex("6".getBytes(StandardCharsets.UTF_8)));

        JsonNode settlement = execution.path("cost").path("settlement");
        long held = execution.path("cost").path("held").asLong();
        assertThat(held).isEqualTo(execution.path("cost").path("quoted").asLong());
        assertThat(settlement.path("paidForUsage").asLong() + settlement.path("paidAsBonus").asLong()
                + settlement.path("platformFee").asLong() + settlement.path("refunded").asLong()).isEqualTo(held);
        assertThat(settlement.path("payouts").path(0).path("host").asString()).isEqualTo(host.identity().value());
        assertThat(balance(client.identity())).isEqualTo(before - held + settlement.path("refunded").asLong());
        long paid = settlement.path("payouts").path(0).path("usage").asLong() + settlement.path("payouts").path(0).path("bonus").asLong();
        assertThat(balance(host.identity().value())).isEqualTo(paid);

        JsonNode executionBlock = gateway.get("/api/v1/ledger/blocks/" + execution.path("blocks").path("execution").path("height").asLong())
                .send().json();
        assertThat(executionBlock.path("type").asString()).isEqualTo("EXECUTION");
        assertThat(executionBlock.path("author").asString()).isEqualTo(client.identity());
        assertThat(executionBlock.path("payload").path("executionId").asString()).isEqualTo(execution.path("id").asString());
        JsonNode completion = gateway.get("/api/v1/ledger/blocks/" + execution.path("blocks").path("completion").path("height").asLong())
                .send().json();
        assertThat(completion.path("type").asString()).isEqualTo("COMPLETION");
        JsonNode attestation = completion.path("payload").path("attestations").path(0);
        assertThat(completion.path("payload").path("outputDigest").asString()).isEqualTo(result.json().path("outputDigest").asString());
        assertThat(new ResultAttestation(execution.path("id").asString(), attestation.path("assignmentId").asString(),
                host.identity().value(), attestation.path("exitCode").asInt(), attestation.path("outputDigest").asString(),
                attestation.path("cpuMs").asLong(), attestation.path("peakMemoryKb").asLong(), attestation.path("wallMs").asLong())
                .verify(host.publicKey(), attestation.path("signature").asString())).isTrue();
        assertThat(completion.path("payload").path("settlement").path("refunded").asLong()).isEqualTo(settlement.path("refunded").asLong());

        List<String> steps = new ArrayList<>();
        execution.path("timeline").forEach(event -> steps.add(event.path("step").asString()));
        assertThat(steps).contains("QUOTE", "HOLD", "RECORD", "RUN", "SETTLE", "COMPLETE", "DONE");
        Response otherClient = gateway.get("/api/v1/executions/" + execution.path("id").asString()).bearer(newClient().token()).send();
        assertThat(otherClient.status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/executions").bearer(client.token()).send().json().path("executions").path(0)
                .path("id").asString()).isEqualTo(execution.path("id").asString());

        // The event stream of a finished execution sends it once, with its outcome, and ends (through the gateway).
        Response events = gateway.get("/api/v1/executions/" + execution.path("id").asString() + "/events")
                .bearer(client.token()).header("Accept", "text/event-stream").send();
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.contentType()).startsWith("text/event-stream");
        assertThat(events.body()).contains("event:execution").contains("\"state\":\"COMPLETED\"");
    }

    @Test
    void shouldPayTheMajorityOfThreeAndSlashTheHostWhoseOutputDisagreed() throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, WORD_COUNT, zone);
        Ed25519.Signer honest1 = startHost(zone, "honest");
        Ed25519.Signer honest2 = startHost(zone, "honest");
        Ed25519.Signer liar = startHost(zone, "wrong");
        stake(liar, 5_000_000);

        JsonNode execution = awaitOutcome(client, submit(client, assetId, 3, zone, "one two three", 50_000_000L));

        assertThat(execution.path("state").asString()).as(execution.toString()).isEqualTo("COMPLETED");
        List<String> paid = new ArrayList<>();
        execution.path("cost").path("settlement").path("payouts").forEach(payout -> paid.add(payout.path("host").asString()));
        assertThat(paid).containsExactlyInAnyOrder(honest1.identity().value(), honest2.identity().value());
        for (JsonNode assignment : execution.path("assignments")) {
            String expected = assignment.path("host").asString().equals(liar.identity().value()) ? "REJECTED" : "ACCEPTED";
            assertThat(assignment.path("verdict").asString()).as(assignment.toString()).isEqualTo(expected);
        }
        assertThat(balance(liar.identity().value())).isZero();
        JsonNode stake = gateway.get("/api/v1/payments/stakes/" + liar.identity().value()).bearer(client.token()).send().json();
        assertThat(stake.path("staked").asLong()).isEqualTo(4_000_000);
        JsonNode completion = gateway.get("/api/v1/ledger/blocks/" + execution.path("blocks").path("completion").path("height").asLong())
                .send().json();
        assertThat(completion.path("payload").path("attestations").size()).isEqualTo(3);
        JsonNode reputation = gateway.get("/api/v1/hosts/" + liar.identity().value() + "/reputation").bearer(client.token()).send().json();
        assertThat(reputation.path("score").asInt()).isLessThan(500);
    }

    @Test
    void shouldGiveTheWorkOfAHostKilledMidAssignmentToAnotherAndStillPayOnce() throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, WORD_COUNT, zone);
        Ed25519.Signer vanished = startHost(zone, "vanish");
        long before = balance(client.identity());

        String id = submit(client, assetId, 1, zone, "a b", 10_000_000L).path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !hosts.get(0).isAlive());
        Ed25519.Signer rescuer = startHost(zone, "honest");
        JsonNode execution = awaitOutcome(client, id);

        assertThat(execution.path("state").asString()).as(execution.toString()).isEqualTo("COMPLETED");
        JsonNode first = execution.path("assignments").path(0);
        assertThat(first.path("host").asString()).isEqualTo(vanished.identity().value());
        assertThat(first.path("state").asString()).isEqualTo("EXPIRED");
        JsonNode second = execution.path("assignments").path(1);
        assertThat(second.path("host").asString()).isEqualTo(rescuer.identity().value());
        assertThat(second.path("verdict").asString()).isEqualTo("ACCEPTED");
        JsonNode settlement = execution.path("cost").path("settlement");
        assertThat(settlement.path("payouts").size()).isEqualTo(1);
        assertThat(balance(client.identity())).isEqualTo(before - execution.path("cost").path("held").asLong()
                + settlement.path("refunded").asLong());
        assertThat(balance(vanished.identity().value())).isZero();
    }

    @Test
    void shouldCancelARunningExecutionAndGiveTheWholeHoldBack() throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, "import time\ndef main(text):\n    time.sleep(25)\n    return text\n", zone);
        startHost(zone, "honest");
        long before = balance(client.identity());
        String id = submit(client, assetId, 1, zone, "slow", 10_000_000L).path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> gateway.get("/api/v1/executions/" + id)
                .bearer(client.token()).send().json().path("assignments").path(0).path("state").asString().equals("LEASED"));

        Response cancelled = gateway.post("/api/v1/executions/" + id + "/cancellations", Map.of()).bearer(client.token()).send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        JsonNode execution = awaitOutcome(client, id);

        assertThat(execution.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(execution.path("assignments").path(0).path("state").asString()).isEqualTo("REVOKED");
        assertThat(execution.path("cost").path("settlement").path("refunded").asLong())
                .isEqualTo(execution.path("cost").path("held").asLong());
        assertThat(balance(client.identity())).isEqualTo(before);
        Response again = gateway.post("/api/v1/executions/" + id + "/cancellations", Map.of()).bearer(client.token()).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("/execution-not-cancellable");
    }

    @Test
    void shouldRefuseBeforeAnyMoneyMovesWithAProblemPerReason() throws Exception {
        String zone = createZone();
        String emptyZone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, WORD_COUNT, zone);
        startHost(zone, "honest");
        long before = balance(client.identity());

        assertRefused(client, request(client, assetId, 1, zone, "x", 1L), 422, "price-above-ceiling");
        assertRefused(client, request(client, assetId, 1, emptyZone, "x", 10_000_000L), 422, "no-eligible-hosts");
        assertRefused(client, request(client, UUID.randomUUID().toString(), 1, zone, "x", 10_000_000L), 404, "asset-not-found");
        String draft = createAsset(client.token(), WORD_COUNT);
        assertRefused(client, request(client, draft, 1, zone, "x", 10_000_000L), 409, "version-not-deployed");
        Submission forged = request(client, assetId, 1, zone, "x", 10_000_000L);
        forged.body().put("maxPrice", 20_000_000L);
        assertRefused(client, forged, 422, "proof-rejected");
        Submission noKey = request(client, assetId, 1, zone, "x", 10_000_000L);
        Response missingKey = gateway.post("/api/v1/executions", noKey.body()).bearer(client.token()).send();
        assertThat(missingKey.status()).isEqualTo(400);
        assertThat(missingKey.body()).contains("Idempotency-Key");

        assertThat(balance(client.identity())).isEqualTo(before);
        Submission ok = request(client, assetId, 1, zone, "x", 10_000_000L);
        Response first = post(client, ok);
        Response retry = post(client, ok);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(awaitOutcome(client, first.json().path("id").asString()).path("state").asString()).isEqualTo("COMPLETED");
    }

    // --- the world ------------------------------------------------------------------------------------------

    private record Client(Ed25519.Signer key, String token) {
        String identity() {
            return key.identity().value();
        }
    }

    private record Submission(String idempotencyKey, ObjectNode body) {
    }

    private static Client newClient() throws IOException {
        Ed25519.Signer key = Ed25519.generate();
        String token = signIn.signIn(key, List.of("client")).accessToken();
        Response granted = gateway.post("/api/v1/payments/faucet", Map.of()).bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return new Client(key, token);
    }

    private Ed25519.Signer startHost(String zone, String behaviour) throws IOException {
        Ed25519.Signer key = Ed25519.generate();
        Path keyFile = Files.createTempDirectory("test-host-key").resolve("host.key");
        KeyFile.write(keyFile, key);
        Path log = Path.of("target", "e2e-executions-logs", "host-" + key.identity().value() + ".log");
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

    private static void stake(Ed25519.Signer host, long amount) throws IOException {
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

    private static long balance(String identity) throws IOException {
        String operator = signIn.signIn(OPERATOR, List.of("operator")).accessToken();
        Response account = gateway.get("/api/v1/payments/accounts/" + identity).bearer(operator).send();
        return account.status() == 404 ? 0 : account.json().path("balance").asLong();
    }

    private static String deployedAsset(Client owner, String code, String zone) throws IOException {
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

    private static String createAsset(String ownerToken, String code) {
        Response created = gateway.post("/api/v1/registry/assets", Map.of(
                        "name", "word-count", "runtime", "python", "code", code, "entrypoint", "main", "privacy", "FULL_PUBLIC",
                        "resources", Map.of("cpuCores", 1, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30)))
                .bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A signed submission: the EXECUTION operation rebuilt as the service will, the client's proof over it. */
    private static Submission request(Client client, String assetId, int redundancy, String zone, String text, long maxPrice) {
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

    private static Response post(Client client, Submission submission) {
        return gateway.post("/api/v1/executions", submission.body()).bearer(client.token())
                .header("Idempotency-Key", submission.idempotencyKey()).send();
    }

    private static JsonNode submit(Client client, String assetId, int redundancy, String zone, String text, long maxPrice) {
        Response submitted = post(client, request(client, assetId, redundancy, zone, text, maxPrice));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.header("Location")).endsWith("/api/v1/executions/" + submitted.json().path("id").asString());
        return submitted.json();
    }

    private static void assertRefused(Client client, Submission submission, int status, String type) {
        Response refused = post(client, submission);
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.json().path("type").asString()).as(refused.body()).endsWith("/" + type);
    }

    private static JsonNode awaitOutcome(Client client, JsonNode submitted) {
        return awaitOutcome(client, submitted.path("id").asString());
    }

    private static JsonNode awaitOutcome(Client client, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = gateway.get("/api/v1/executions/" + id).bearer(client.token()).send().json().path("state").asString();
            return List.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED").contains(state);
        });
        return gateway.get("/api/v1/executions/" + id).bearer(client.token()).send().json();
    }

    private static String createZone() throws IOException {
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
