package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.deploy.host.TestHost;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.CompletionCheck;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.KeyFile;
import io.hypermesh.protocol.ResultAttestation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Executions end to end: the whole suite running, clients submitting through the gateway, and real host processes
 * ({@link TestHost}) pulling assignments and running the code with python3. Each test checks the outcome, the
 * blocks and that every micro-CAES of the hold is accounted for.
 */
class ExecutionEndToEndTest extends ExecutionSuiteTest {

    @BeforeAll
    static void start() throws IOException {
        startSuite("e2e-executions-logs", Map.of(
                // A host that stops heartbeating is OFFLINE (its work reassigned) within seconds.
                "HYPERMESH_HOST_SUSPECT_AFTER", "2s",
                "HYPERMESH_HOST_HEARTBEAT_TIMEOUT", "4s",
                "HYPERMESH_HOST_SWEEP_INTERVAL", "1s",
                "HYPERMESH_PLACEMENT_DISPATCH_INTERVAL", "200ms"));
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
        assertThat(CompletionCheck.problemWith(completion.path("payload"))).as("what hypermesh verify checks offline").isNull();

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
    void shouldRunAnAssetWithTheCliAndPrintTheResultTheCostAndTheBlocks() throws Exception {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, WORD_COUNT, zone);
        startHost(zone, "honest");
        Path home = Files.createTempDirectory("hypermesh-cli-home");
        KeyFile.write(home.resolve("keys").resolve("default.key"), client.key());

        String run = cli(home, "run", assetId, "--version", "1", "--input", "\"to be or not to be\"", "--max-price", "10000000",
                "--zone", zone, "--only-zone", zone, "--at", "5,5,5");

        assertThat(run).containsPattern("Execution ex-[0-9a-f]{32} \\(Idempotency-Key [^)]+\\): quoted [0-9.]+ CAES")
                .contains("COMPLETED at DONE").contains("Output (exit code 0, sha256 ")
                .containsPattern("Cost: held [0-9.]+ CAES; paid for usage [0-9.]+ CAES").contains("EXECUTION block ")
                .contains("COMPLETION block ");
        String id = run.replaceAll("(?s).*Execution (ex-[0-9a-f]{32}).*", "$1");
        assertThat(cli(home, "executions", "result", id).trim()).isEqualTo("6");
        assertThat(cli(home, "executions", "list")).contains(id + "  COMPLETED");
        // The whole chain so far, COMPLETION blocks with their attestations and settlements included, checked offline.
        assertThat(cli(null, "verify", "--difficulty", "8")).startsWith("OK: heights 0..");
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
        assertThat(CompletionCheck.problemWith(completion.path("payload"))).isNull();
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

    /** Runs the real CLI jar against the suite (with the keys in {@code home}, if any); its output, once it exited 0. */
    private static String cli(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("..", "cli", "target", "cli-0.1.0-SNAPSHOT-exec.jar").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--gateway", suite.gatewayUrl()));
        if (home != null) {
            command.addAll(List.of("--home", home.toString()));
        }
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        return output;
    }
}
