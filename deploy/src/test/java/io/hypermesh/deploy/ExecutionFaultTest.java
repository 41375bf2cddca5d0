package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.Ed25519;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Executions under faults, with the whole suite running and a real host: execution-service halted (as by
 * {@code kill -9}) just before it records a step whose call to another service already took effect, and each
 * service the saga calls stopped while the execution needs it. Every execution still ends COMPLETED with exactly
 * one EXECUTION and one COMPLETION block, the escrow closed once, the host paid once and no CAES made or lost.
 */
class ExecutionFaultTest extends ExecutionSuiteTest {

    /** A run long enough to stop a service while the host works. */
    private static final String SLOW_WORD_COUNT = "import time\ndef main(text):\n    time.sleep(4)\n    return len(text.split())\n";

    @BeforeAll
    static void start() throws IOException {
        startSuite("e2e-faults-logs", Map.of(
                // A restarted driver takes over its predecessor's executions within seconds.
                "HYPERMESH_EXECUTION_STEP_LEASE", "3s",
                // Hosts stay ONLINE while execution-service restarts (their heartbeats fail meanwhile).
                "HYPERMESH_HOST_SUSPECT_AFTER", "90s",
                "HYPERMESH_HOST_HEARTBEAT_TIMEOUT", "90s",
                "HYPERMESH_PLACEMENT_DISPATCH_INTERVAL", "200ms"));
    }

    @ParameterizedTest(name = "halted before recording {0}")
    @ValueSource(strings = {"HOLD>RECORD", "RECORD>ASSIGN", "ASSIGN>RUN", "RUN>SETTLE", "SETTLE>SLASH", "SLASH>COMPLETE",
            "COMPLETE>COMPLETE", "COMPLETE>REPORT", "REPORT>COMPLETED"})
    void anExecutionWhoseDriverDiesMidStepCompletesOnceAfterARestart(String transition) throws Exception {
        World world = newWorld(WORD_COUNT);
        haltExecutionServiceBefore(transition);
        Submission submission = request(world.client(), world.assetId(), 1, world.zone(), "to be or not to be", 10_000_000L);

        // Up to the hold the steps run inside the request, so that halt loses the answer; later ones may, too.
        Response first = answered(world.client(), submission);
        assertThat(first.status()).as(first.body()).isIn(201, 500, 502, 503, 504);
        awaitHaltAndRestart();
        Response retried = answered(world.client(), submission);

        assertThat(retried.status()).as("the same key names the same execution: " + retried.body()).isEqualTo(200);
        // The host may have been kept out by the gateway's breaker meanwhile, so that its offer ran out: it is asked again.
        assertCompletedOnce(world, awaitOutcome(world.client(), retried.json().path("id").asString(), Duration.ofMinutes(3)));
    }

    @ParameterizedTest(name = "{0} down while needed")
    @EnumSource(value = SuiteService.class, names = {"PAYMENT", "LEDGER", "REGISTRY"})
    void anExecutionWaitsVisiblyForAServiceThatIsDownAndCompletesWhenItIsBack(SuiteService down) throws Exception {
        World world = newWorld(SLOW_WORD_COUNT);
        Response submitted = answered(world.client(), request(world.client(), world.assetId(), 1, world.zone(), "to be", 10_000_000L));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(execution(world, id).path("state").asString()));

        suite.stop(down);
        // The host reports meanwhile; settling, recording or reporting usage then waits for the service, visibly.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> down.module().equals(execution(world, id).path("waitingFor").asString()));
        restart(down, Map.of());

        assertCompletedOnce(world, awaitOutcome(world.client(), id));
    }

    @Test
    void aSubmissionWhileRoutingIsDownIsAcceptedAndWaitsForIt() throws Exception {
        World world = newWorld(WORD_COUNT);
        suite.stop(SuiteService.ROUTING);

        Response submitted = answered(world.client(), request(world.client(), world.assetId(), 1, world.zone(), "to be", 10_000_000L));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().path("waitingFor").asString()).isEqualTo("routing-service");
        restart(SuiteService.ROUTING, Map.of());

        JsonNode execution = awaitOutcome(world.client(), submitted.json());
        assertCompletedOnce(world, execution);
    }

    /** A test that failed half-way must not leave a service down for the next one. */
    @AfterEach
    void everyServiceRunsAgain() {
        for (SuiteService service : SuiteService.values()) {
            Process process = suite.process(service);
            if (process == null || !process.isAlive()) {
                restart(service, Map.of());
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private record World(String zone, Client client, String assetId, Ed25519.Signer host, long clientBefore, long minted) {
    }

    private World newWorld(String code) throws IOException {
        String zone = createZone();
        Client client = newClient();
        String assetId = deployedAsset(client, code, zone);
        Ed25519.Signer host = startHost(zone, "honest");
        return new World(zone, client, assetId, host, balance(client.identity()), supply().path("minted").asLong());
    }

    private static void haltExecutionServiceBefore(String transition) {
        restart(SuiteService.EXECUTION, Map.of("HYPERMESH_EXECUTION_HALT_BEFORE", transition));
    }

    private static void awaitHaltAndRestart() throws InterruptedException {
        Process halted = suite.process(SuiteService.EXECUTION);
        assertThat(halted.waitFor(90, TimeUnit.SECONDS)).as("execution-service halted at the fault").isTrue();
        assertThat(halted.exitValue()).isEqualTo(137);
        restart(SuiteService.EXECUTION, Map.of());
    }

    /**
     * Restarts a service and waits until the gateway reaches it again: its breaker for the service may have opened
     * while the service was away (the host kept polling), and lets calls through again after its open interval.
     */
    private static void restart(SuiteService service, Map<String, String> environment) {
        suite.restart(service, environment);
        suite.awaitReady(Duration.ofMinutes(3));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/v3/api-docs/" + service.schema()).send().status() == 200);
    }

    /**
     * Posts the submission, again while the gateway answers 503 and execution-service is alive: then the gateway's
     * breaker for it had not closed yet after a restart (its trial calls may be hosts' long-polls), and the request
     * never reached the service. A 5xx while the service died is the answer.
     */
    private static Response answered(Client client, Submission submission) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Response response = post(client, submission);
            Process service = suite.process(SuiteService.EXECUTION);
            if (response.status() != 503 || service.waitFor(2, TimeUnit.SECONDS) || System.nanoTime() > until) {
                return response;
            }
        }
    }

    private static JsonNode execution(World world, String id) {
        return gateway.get("/api/v1/executions/" + id).bearer(world.client().token()).send().json();
    }

    private static JsonNode supply() {
        return gateway.get("/api/v1/payments/supply").send().json();
    }

    /** One of each block, the escrow closed once (the client charged once), the host paid once, supply unchanged. */
    private static void assertCompletedOnce(World world, JsonNode execution) throws IOException {
        String id = execution.path("id").asString();
        assertThat(execution.path("state").asString()).as(execution.toString()).isEqualTo("COMPLETED");
        List<String> types = new ArrayList<>();
        gateway.get("/api/v1/ledger/blocks?subject=" + id).send().json().path("blocks")
                .forEach(block -> types.add(block.path("type").asString()));
        assertThat(types).containsExactly("EXECUTION", "COMPLETION");

        JsonNode cost = execution.path("cost");
        JsonNode settlement = cost.path("settlement");
        assertThat(settlement.path("status").asString()).isEqualTo("settled");
        assertThat(balance(world.client().identity()))
                .isEqualTo(world.clientBefore() - cost.path("held").asLong() + settlement.path("refunded").asLong());
        JsonNode payout = settlement.path("payouts").path(0);
        assertThat(balance(world.host().identity().value())).isEqualTo(payout.path("usage").asLong() + payout.path("bonus").asLong());
        JsonNode supply = supply();
        assertThat(supply.path("minted").asLong()).isEqualTo(world.minted());
        assertThat(supply.path("held").asLong()).isEqualTo(world.minted());
    }
}
