package io.hypermesh.registry.deployment;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static io.hypermesh.registry.Fixtures.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.KeyFile;
import io.hypermesh.registry.RegistryServiceTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Deploying with the ledger (and the gateway) down: configured, but nothing listens at their addresses. Deploying
 * through a running ledger is tested end to end in the deploy module (SuiteEndToEndTest).
 */
class DeploymentApiTest extends RegistryServiceTest {

    private static final String ANCHOR = "00".repeat(32);

    private final Ed25519.Signer owner = Ed25519.generate();
    private final String ownerToken = TOKENS.token(owner.identity().value(), "client");
    private final String otherToken = TOKENS.token(freshIdentity(), "client");

    @DynamicPropertySource
    static void unreachableLedger(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempDirectory("registry-key").resolve("registry.key");
        KeyFile.write(key, Ed25519.generate());
        int ledgerPort = closedPort();
        int gatewayPort = closedPort();
        registry.add("hypermesh.registry.deployment.ledger-url", () -> "http://127.0.0.1:" + ledgerPort);
        registry.add("hypermesh.registry.deployment.gateway-url", () -> "http://127.0.0.1:" + gatewayPort);
        registry.add("hypermesh.registry.deployment.service-key-file", key::toString);
        registry.add("hypermesh.registry.deployment.redrive-after", () -> "1h");
    }

    @Test
    void shouldServeTheOperationToSignNamingTheVersionsCodeRequirementsAndPrivacy() {
        JsonNode created = create("PUBLIC_NETWORK");
        String id = created.path("id").asString();

        Response operation = http.get(versionPath(id) + "/deployment-operation").bearer(ownerToken).send();

        assertThat(operation.status()).as(operation.body()).isEqualTo(200);
        assertThat(operation.json().path("type").asString()).isEqualTo("DEPLOYMENT");
        JsonNode payload = operation.json().path("payload");
        assertThat(payload.path("assetId").asString()).isEqualTo(id);
        assertThat(payload.path("version").asInt()).isEqualTo(1);
        assertThat(payload.path("codeDigest").asString()).isEqualTo(created.path("codeDigest").asString());
        assertThat(payload.path("privacy").asString()).isEqualTo("PUBLIC_NETWORK");
        assertThat(payload.path("requirements").path("cpuCores").asInt()).isEqualTo(1);
        assertThat(payload.path("requirements").path("gpu").path("model").asString()).isEqualTo("nvidia-t4");
        assertThat(payload.path("allowedZones").get(0).asString()).isEqualTo("eu-west");
    }

    @Test
    void shouldKeepTheDraftAndAnswer503WhenTheLedgerCannotBeReached() {
        String id = create("FULL_PUBLIC").path("id").asString();
        Map<String, Object> body = Map.of("proof", proofFor(owner, id).toJson());
        String key = UUID.randomUUID().toString();

        Response refused = http.post(versionPath(id) + "/deployment", body).header("Idempotency-Key", key).bearer(ownerToken).send();

        assertProblem(refused, 503, "ledger-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("10");
        JsonNode version = http.get(versionPath(id)).bearer(ownerToken).send().json();
        assertThat(version.path("status").asString()).isEqualTo("DRAFT");
        assertThat(version.path("deployment").isNull() || version.path("deployment").isMissingNode()).isTrue();
        assertProblem(http.post(versionPath(id) + "/deployment", body).header("Idempotency-Key", key).bearer(ownerToken).send(),
                503, "ledger-unavailable");
        assertProblem(http.post(versionPath(id) + "/deployment", body).header("Idempotency-Key", "another-" + key)
                .bearer(ownerToken).send(), 409, "deployment-in-progress");

        // While the block may yet be appended, the draft stays exactly as the block describes it.
        String etag = http.get(ASSETS + "/" + id).bearer(ownerToken).send().header("ETag");
        assertProblem(http.put(ASSETS + "/" + id, asset("edited", "FULL_PUBLIC")).header("If-Match", etag).bearer(ownerToken).send(),
                409, "deployment-in-progress");
        assertProblem(http.post(versionPath(id) + "/retire", Map.of()).bearer(ownerToken).send(), 409, "deployment-in-progress");
        assertThat(http.get(versionPath(id)).bearer(ownerToken).send().json().path("name").asString()).isEqualTo("deployable");
    }

    @Test
    void shouldRefuseToDeployARetiredVersion() {
        String id = create("FULL_PUBLIC").path("id").asString();
        Map<String, Object> body = Map.of("proof", proofFor(owner, id).toJson());
        assertThat(http.post(versionPath(id) + "/retire", Map.of()).bearer(ownerToken).send().status()).isEqualTo(200);

        assertProblem(http.post(versionPath(id) + "/deployment", body).header("Idempotency-Key", "k").bearer(ownerToken).send(),
                409, "asset-not-draft");
        assertProblem(http.get(versionPath(id) + "/deployment-operation").bearer(ownerToken).send(), 409, "asset-not-draft");
    }

    @Test
    void shouldRefuseAProofMadeWithAnotherKeyThanTheOwners() {
        String id = create("FULL_PUBLIC").path("id").asString();

        Response refused = http.post(versionPath(id) + "/deployment", Map.of("proof", proofFor(Ed25519.generate(), id).toJson()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bearer(ownerToken).send();

        assertProblem(refused, 422, "deployment-author-not-owner");
        assertThat(refused.json().path("field").asString()).isEqualTo("proof.stake.identity");
    }

    @Test
    void shouldNameTheMissingIdempotencyKeyAndTheMalformedProof() {
        String id = create("FULL_PUBLIC").path("id").asString();
        String path = versionPath(id) + "/deployment";

        Response noKey = http.post(path, Map.of("proof", proofFor(owner, id).toJson())).bearer(ownerToken).send();
        assertProblem(noKey, 400, "validation");
        assertThat(errorFields(noKey)).containsExactly("Idempotency-Key");

        Response noStake = http.post(path, Map.of("proof", Map.of("work", Map.of("nonce", 1))))
                .header("Idempotency-Key", "k-1").bearer(ownerToken).send();
        assertProblem(noStake, 400, "validation");
        assertThat(errorFields(noStake)).containsExactly("proof");
        assertThat(noStake.json().path("errors").get(0).path("message").asString()).contains("stake");

        Response noProof = http.post(path, Map.of()).header("Idempotency-Key", "k-2").bearer(ownerToken).send();
        assertProblem(noProof, 400, "validation");
        assertThat(errorFields(noProof)).containsExactly("proof");
    }

    @Test
    void shouldLetOnlyTheOwnerDeployAndHideAPrivateAssetFromOthers() {
        String visible = create("FULL_PUBLIC").path("id").asString();
        String hidden = create("PRIVATE").path("id").asString();

        assertProblem(http.post(versionPath(visible) + "/deployment", Map.of("proof", proofFor(owner, visible).toJson()))
                .header("Idempotency-Key", "k").bearer(otherToken).send(), 403, "not-asset-owner");
        assertProblem(http.get(versionPath(visible) + "/deployment-operation").bearer(otherToken).send(), 403, "not-asset-owner");
        assertProblem(http.post(versionPath(hidden) + "/deployment", Map.of("proof", proofFor(owner, hidden).toJson()))
                .header("Idempotency-Key", "k").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.get(versionPath(hidden) + "/deployment-operation").bearer(otherToken).send(), 404, "asset-not-found");
        assertProblem(http.get(ASSETS + "/" + visible + "/versions/7/deployment-operation").bearer(ownerToken).send(),
                404, "version-not-found");
    }

    private JsonNode create(String privacy) {
        Response created = http.post(ASSETS, asset("deployable", privacy, "deploy")).bearer(ownerToken).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** A well-formed proof over the version's operation; the ledger never sees it here. */
    private ConsensusProof proofFor(Ed25519.Signer author, String id) {
        JsonNode operation = http.get(versionPath(id) + "/deployment-operation").bearer(ownerToken).send().json();
        return ConsensusProof.create(author, "DEPLOYMENT", operation.path("payload"), 0, ANCHOR, Instant.now(), "eu-west",
                1.0, 2.0, 3.0, 4);
    }

    private static String versionPath(String id) {
        return ASSETS + "/" + id + "/versions/1";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
