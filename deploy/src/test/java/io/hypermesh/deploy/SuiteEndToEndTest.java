package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.GatewaySignIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        suite = new SuiteLauncher(root, Path.of("target", "e2e-logs"), ports,
                Map.of("HYPERMESH_OPERATORS", OPERATOR.identity().value(),
                        "HYPERMESH_SERVICE_IDENTITIES", SERVICE.identity().value()));
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
    void shouldAnswer503WhenAServiceIsDown() {
        suite.stop(SuiteService.LEDGER);

        Response response = gateway.get("/api/v1/ledger/blocks/head").send();
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://hypermesh.io/problems/service-unavailable");
        assertOk(gateway.get("/api/v1/routing/zones").send());
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
