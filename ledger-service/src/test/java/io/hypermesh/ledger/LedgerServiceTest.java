package io.hypermesh.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceTestProperties;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The whole service on a random port, over real HTTP, with its real migrations on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerServiceTest {

    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.shared();
    /** The default work difficulty of application.yaml; proofs in tests are mined to it. */
    protected static final int DIFFICULTY = 8;

    @LocalServerPort
    protected int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register("ledger", registry);
        // One type needs a stake; no StakeClient exists in this context, so such appends must be refused, not waved through.
        registry.add("hypermesh.ledger.proof.minimum-stake.SLASHING", () -> "1");
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
    }

    protected static String freshIdentity() {
        return Ed25519.generate().identity().value();
    }

    /** A token of another HyperMesh service, the usual caller of an append. */
    protected static String serviceToken() {
        return TOKENS.token(freshIdentity(), "service");
    }

    protected JsonNode head() {
        return http.get("/api/v1/ledger/blocks/head").send().json();
    }

    /** A payload no other test uses, so its proof is never a replay by accident. */
    protected static Map<String, Object> uniquePayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetId", "a-" + UUID.randomUUID());
        payload.put("version", "1.0.0");
        payload.put("requirements", Map.of("runtime", "python", "cpu", 2, "memoryMb", 512));
        return payload;
    }

    /** A proof as an honest client makes it: anchored on the current head, stamped now, mined to {@code difficulty}. */
    protected ConsensusProof proof(Ed25519.Signer author, String type, Map<String, Object> payload, int difficulty) {
        JsonNode head = head();
        return ConsensusProof.create(author, type, CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), "eu-west", 12.5, -3.0, 40.0, difficulty);
    }

    protected static Map<String, Object> appendBody(String type, Map<String, Object> payload, Object proof) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("payload", payload);
        body.put("proof", proof instanceof ConsensusProof consensus ? consensus.toJson() : proof);
        return body;
    }

    protected TestHttp.Response append(Map<String, Object> body, String idempotencyKey) {
        return http.post("/api/v1/ledger/blocks", body).bearer(serviceToken()).header("Idempotency-Key", idempotencyKey).send();
    }

    /** Appends a fresh DEPLOYMENT by {@code author} and returns the new block. */
    protected JsonNode appendDeployment(Ed25519.Signer author) {
        Map<String, Object> payload = uniquePayload();
        TestHttp.Response response = append(appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)),
                UUID.randomUUID().toString());
        if (response.status() != 201) {
            throw new AssertionError("append failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** An RFC 9457 answer with the given status and type, and nothing internal in it. */
    protected static void assertProblem(TestHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
