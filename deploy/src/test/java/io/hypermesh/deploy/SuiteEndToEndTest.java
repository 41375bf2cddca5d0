package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.GatewaySignIn;
import io.hypermesh.protocol.KeyFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged suite, each service its own JVM on a random port, on a real PostgreSQL, reached only
 * through the gateway by a user who signs in with a key generated here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    private static final Ed25519.Signer OPERATOR = Ed25519.generate();
    /** Plays a HyperMesh service that appends blocks under its own identity (role service). */
    private static final Ed25519.Signer SERVICE = Ed25519.generate();
    private static SuiteLauncher suite;
    private static TestHttp gateway;

    @BeforeAll
    static void startSuite() throws IOException {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, freePort());
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        suite = new SuiteLauncher(root, Path.of("target", "e2e-logs"), Path.of("target", "e2e-keys"), ports,
                Map.of("HYPERMESH_OPERATORS", OPERATOR.identity().value(),
                        "HYPERMESH_SERVICE_IDENTITIES", SERVICE.identity().value(),
                        // A proof made before the ledger is stopped is resent after its restart (about 20 s later),
                        // by the registry's re-drive, which looks for requests left pending for 5 s.
                        "HYPERMESH_LEDGER_MAX_DRIFT", "5m",
                        "HYPERMESH_REGISTRY_DEPLOYMENT_REDRIVE_AFTER", "5s",
                        // A host that stops heartbeating is OFFLINE (and out of routing's matrix) within seconds.
                        "HYPERMESH_HOST_HEARTBEAT_TIMEOUT", "4s",
                        "HYPERMESH_HOST_SWEEP_INTERVAL", "1s"));
        suite.start(TestPostgres.server());
        suite.awaitReady(Duration.ofMinutes(6));
        gateway = new TestHttp(suite.gatewayUrl());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void shouldSignInWithAFreshKeyAndReachEveryServiceThroughTheGateway() throws IOException {
        Ed25519.Signer client = Ed25519.generate();
        GatewaySignIn signIn = new GatewaySignIn(URI.create(suite.gatewayUrl()));
        GatewaySignIn.Token clientToken = signIn.signIn(client, List.of("client"));
        GatewaySignIn.Token operatorToken = signIn.signIn(OPERATOR, List.of("operator"));
        assertThat(clientToken.identity()).isEqualTo(client.identity().value());
        assertThat(operatorToken.roles()).containsExactly("operator");

        String zone = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = gateway.post("/api/v1/routing/zones", Map.of("name", zone, "bounds", Map.of(
                        "min", Map.of("x", 0, "y", 0, "z", 0), "max", Map.of("x", 10, "y", 10, "z", 10))))
                .bearer(operatorToken.accessToken()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(suite.gatewayUrl() + "/api/v1/routing/zones/" + zone);
        assertThat(created.header("X-Trace-Id")).isNotBlank();

        String token = clientToken.accessToken();
        assertOk(gateway.get("/api/v1/routing/zones/" + zone).send());
        assertOk(gateway.get("/api/v1/registry/assets").bearer(token).send());
        assertOk(gateway.get("/api/v1/hosts").bearer(token).send());
        assertOk(gateway.get("/api/v1/payments/accounts/" + clientToken.identity()).bearer(token).send());
        assertOk(gateway.get("/api/v1/ledger/blocks/head").bearer(token).send());
    }

    @Test
    @Order(2)
    void shouldWriteTheTraceIdTheGatewayHandsOutIntoTheServicesLogLines() throws IOException {
        String token = new GatewaySignIn(URI.create(suite.gatewayUrl())).signIn(Ed25519.generate(), List.of("client")).accessToken();
        Map<String, String> pathByModule = Map.of("registry-service", "/api/v1/registry/assets",
                "execution-service", "/api/v1/hosts", "routing-service", "/api/v1/routing/zones",
                "payment-service", "/api/v1/payments/transfers", "ledger-service", "/api/v1/ledger/blocks");
        for (Map.Entry<String, String> service : pathByModule.entrySet()) {
            // A method the path does not support: every service logs that refusal as a warning.
            Response refused = gateway.delete(service.getValue()).bearer(token).send();
            assertThat(refused.status()).as(refused.body()).isEqualTo(405);
            String traceId = refused.header("X-Trace-Id");
            assertThat(traceId).matches("[0-9a-f]{32}");
            Path log = Path.of("target", "e2e-logs", service.getKey() + ".log");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readAllLines(log))
                    .as(service.getKey()).anyMatch(line -> line.contains(traceId) && line.contains("not supported")));
        }
    }

    @Test
    @Order(2)
    void shouldRefuseWritesWithoutTokenAtEveryService() {
        for (String path : List.of("/api/v1/routing/zones", "/api/v1/registry/assets", "/api/v1/hosts",
                "/api/v1/payments/transfers", "/api/v1/ledger/blocks")) {
            Response response = gateway.post(path, Map.of()).send();
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    @Order(3)
    void shouldServeEveryServicesOpenApiThroughTheGatewayWithTheGatewayAsServer() {
        for (SuiteService service : SuiteService.backends()) {
            Response docs = gateway.get("/v3/api-docs/" + service.schema()).send();
            assertThat(docs.status()).as(service + " " + docs.body()).isEqualTo(200);
            assertThat(docs.json().path("openapi").asString()).startsWith("3.1");
            assertThat(docs.json().path("servers").path(0).path("url").asString()).isEqualTo(suite.gatewayUrl());
        }
        assertThat(gateway.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void shouldAppendABlockWhoseProofOfSpaceNamesAZoneRoutingKnows() throws IOException {
        GatewaySignIn signIn = new GatewaySignIn(URI.create(suite.gatewayUrl()));
        String operator = signIn.signIn(OPERATOR, List.of("operator")).accessToken();
        String service = signIn.signIn(SERVICE, List.of("service")).accessToken();
        String zone = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(gateway.post("/api/v1/routing/zones", Map.of("name", zone, "bounds", Map.of(
                "min", Map.of("x", 0, "y", 0, "z", 0), "max", Map.of("x", 10, "y", 10, "z", 10))))
                .bearer(operator).send().status()).isEqualTo(201);
        Ed25519.Signer author = Ed25519.generate();

        Response inZone = gateway.post("/api/v1/ledger/blocks", deployment(author, zone, 5.0)).bearer(service)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(inZone.status()).as(inZone.body()).isEqualTo(201);

        Response outside = gateway.post("/api/v1/ledger/blocks", deployment(author, zone, 50.0)).bearer(service)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(outside.status()).as(outside.body()).isEqualTo(422);
        assertThat(outside.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/proof-space-invalid");
    }

    /** A DEPLOYMENT with a proof as an honest client makes it, bound to {@code zone} at (x, 5, 5). */
    private static Map<String, Object> deployment(Ed25519.Signer author, String zone, double x) {
        Map<String, Object> payload = Map.of("assetId", "a-" + UUID.randomUUID(), "version", 1);
        var head = gateway.get("/api/v1/ledger/blocks/head").send().json();
        ConsensusProof proof = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), zone, x, 5.0, 5.0, 8);
        return Map.of("type", "DEPLOYMENT", "payload", payload, "proof", proof.toJson());
    }

    @Test
    @Order(5)
    void shouldDeployAVersionWithTheCliThroughRegistryAndLedger() throws Exception {
        Path home = Files.createTempDirectory("hypermesh-e2e-home");
        Ed25519.Signer owner = Ed25519.generate();
        KeyFile.write(home.resolve("keys").resolve("default.key"), owner);
        String ownerToken = new GatewaySignIn(URI.create(suite.gatewayUrl())).signIn(owner, List.of("client")).accessToken();
        String zone = createZone();
        String assetId = createAsset(ownerToken);

        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("..", "cli", "target", "cli-0.1.0-SNAPSHOT-exec.jar").toString(),
                "deploy", assetId, "--version", "1", "--zone", zone, "--at", "5,5,5", "--gateway", suite.gatewayUrl(),
                "--home", home.toString())
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("Deployed " + assetId + " version 1 in ledger block ");

        var version = gateway.get("/api/v1/registry/assets/" + assetId + "/versions/1").bearer(ownerToken).send().json();
        assertThat(version.path("status").asString()).isEqualTo("DEPLOYED");
        long height = version.path("deployment").path("blockHeight").asLong();
        var block = gateway.get("/api/v1/ledger/blocks/" + height).send().json();
        assertThat(block.path("type").asString()).isEqualTo("DEPLOYMENT");
        assertThat(block.path("hash").asString()).isEqualTo(version.path("deployment").path("blockHash").asString());
        assertThat(block.path("author").asString()).isEqualTo(owner.identity().value());
        assertThat(block.path("payload").path("assetId").asString()).isEqualTo(assetId);
        assertThat(block.path("payload").path("codeDigest").asString()).isEqualTo(version.path("codeDigest").asString());
    }

    @Test
    @Order(6)
    void shouldKeepTheVersionADraftWhileTheLedgerIsDownAndFinishTheDeploymentExactlyOnceWhenItIsBack() throws IOException {
        Ed25519.Signer owner = Ed25519.generate();
        String ownerToken = new GatewaySignIn(URI.create(suite.gatewayUrl())).signIn(owner, List.of("client")).accessToken();
        String zone = createZone();
        String assetId = createAsset(ownerToken);
        String versionPath = "/api/v1/registry/assets/" + assetId + "/versions/1";
        var operation = gateway.get(versionPath + "/deployment-operation").bearer(ownerToken).send().json();
        var head = gateway.get("/api/v1/ledger/blocks/head").send().json();
        ConsensusProof proof = ConsensusProof.create(owner, operation.path("type").asString(), operation.path("payload"),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), zone, 5.0, 5.0, 5.0, 8);
        Map<String, Object> deploy = Map.of("proof", proof.toJson());
        String idempotencyKey = UUID.randomUUID().toString();

        suite.stop(SuiteService.LEDGER);
        Response viaGateway = gateway.get("/api/v1/ledger/blocks/head").send();
        assertThat(viaGateway.status()).as(viaGateway.body()).isEqualTo(503);
        assertThat(viaGateway.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/service-unavailable");
        Response refused = gateway.post(versionPath + "/deployment", deploy).bearer(ownerToken).header("Idempotency-Key", idempotencyKey).send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/ledger-unavailable");
        var draft = gateway.get(versionPath).bearer(ownerToken).send().json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("deployment").isNull() || draft.path("deployment").isMissingNode()).isTrue();

        // Back up, the ledger gets the stored request again from the registry's re-drive, without the client.
        suite.restart(SuiteService.LEDGER);
        suite.awaitReady(Duration.ofMinutes(3));
        Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                gateway.get(versionPath).bearer(ownerToken).send().json().path("status").asString()).isEqualTo("DEPLOYED"));
        Response retried = gateway.post(versionPath + "/deployment", deploy).bearer(ownerToken).header("Idempotency-Key", idempotencyKey).send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        var deployment = retried.json().path("deployment");
        assertThat(gateway.get(versionPath).bearer(ownerToken).send().json().path("deployment").path("blockHash").asString())
                .isEqualTo(deployment.path("blockHash").asString());
        Response otherKey = gateway.post(versionPath + "/deployment", deploy).bearer(ownerToken)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(otherKey.status()).as(otherKey.body()).isEqualTo(409);
        assertThat(otherKey.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/version-already-deployed");

        var blocks = gateway.get("/api/v1/ledger/blocks?type=DEPLOYMENT&subject=" + assetId).send().json();
        assertThat(blocks.path("blocks").size()).as(blocks.toString()).isEqualTo(1);
        assertThat(blocks.path("blocks").path(0).path("hash").asString()).isEqualTo(deployment.path("blockHash").asString());
        assertOk(gateway.get("/api/v1/routing/zones").send());
    }

    @Test
    @Order(7)
    void shouldPlaceJoinedHostsInRoutingsMatrixAndTakeOutThoseThatGoOfflineOrLeaveEvenWhileRoutingIsDown() throws IOException {
        String zone = createZone();
        GatewaySignIn signIn = new GatewaySignIn(URI.create(suite.gatewayUrl()));
        String reader = signIn.signIn(Ed25519.generate(), List.of("client")).accessToken();
        Ed25519.Signer leaving = Ed25519.generate();
        Ed25519.Signer silent = Ed25519.generate();
        String leavingToken = signIn.signIn(leaving, List.of("host")).accessToken();
        String silentToken = signIn.signIn(silent, List.of("host")).accessToken();

        Response unknownZone = gateway.post("/api/v1/hosts", join(leaving, "no-such-zone")).bearer(leavingToken).send();
        assertThat(unknownZone.status()).as(unknownZone.body()).isEqualTo(422);
        assertThat(unknownZone.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/zone-not-found");

        assertThat(gateway.post("/api/v1/hosts", join(leaving, zone)).bearer(leavingToken).send().status()).isEqualTo(201);
        assertThat(gateway.post("/api/v1/hosts", join(silent, zone)).bearer(silentToken).send().status()).isEqualTo(201);
        String leavingAtRouting = "/api/v1/routing/hosts/" + leaving.identity().value();
        String silentAtRouting = "/api/v1/routing/hosts/" + silent.identity().value();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response placed = gateway.get(leavingAtRouting).bearer(reader).send();
            assertThat(placed.status()).as(placed.body()).isEqualTo(200);
            assertThat(placed.json().path("zone").asString()).isEqualTo(zone);
            assertThat(gateway.get(silentAtRouting).bearer(reader).send().status()).as("placed before it falls silent")
                    .isEqualTo(200);
        });

        // The silent host never heartbeats: OFFLINE after the 4 s timeout, then removed from the matrix.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gateway.get("/api/v1/hosts/" + silent.identity().value()).bearer(reader).send().json()
                    .path("status").asString()).isEqualTo("OFFLINE");
            assertThat(gateway.get(silentAtRouting).bearer(reader).send().status()).isEqualTo(404);
        });

        // Leaving while routing is down: the change waits in the outbox and is delivered once routing is back.
        suite.stop(SuiteService.ROUTING);
        assertThat(gateway.delete("/api/v1/hosts/" + leaving.identity().value()).bearer(leavingToken).send().status())
                .isEqualTo(204);
        suite.restart(SuiteService.ROUTING);
        suite.awaitReady(Duration.ofMinutes(3));
        Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(gateway.get(leavingAtRouting).bearer(reader).send().status()).isEqualTo(404));
    }

    private static Map<String, Object> join(Ed25519.Signer host, String zone) {
        return Map.of("publicKey", host.publicKey().toBase64Url(),
                "resources", Map.of("cpuCores", 2, "memoryMb", 2048, "storageMb", 1000),
                "runtimes", List.of("python"), "privacyCapabilities", List.of("FULL_PUBLIC"),
                "zone", zone, "coordinate", Map.of("x", 5, "y", 5, "z", 5));
    }

    private static String createZone() throws IOException {
        String operator = new GatewaySignIn(URI.create(suite.gatewayUrl())).signIn(OPERATOR, List.of("operator")).accessToken();
        String zone = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = gateway.post("/api/v1/routing/zones", Map.of("name", zone, "bounds", Map.of(
                "min", Map.of("x", 0, "y", 0, "z", 0), "max", Map.of("x", 10, "y", 10, "z", 10)))).bearer(operator).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return zone;
    }

    private static String createAsset(String ownerToken) {
        Response created = gateway.post("/api/v1/registry/assets", Map.of(
                        "name", "word-count", "runtime", "python", "code", "def main(text):\n    return len(text.split())\n",
                        "entrypoint", "main", "privacy", "FULL_PUBLIC",
                        "resources", Map.of("cpuCores", 1, "memoryMb", 256, "storageMb", 0, "maxRuntimeSeconds", 30)))
                .bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.raw().uri() + " " + response.body()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
