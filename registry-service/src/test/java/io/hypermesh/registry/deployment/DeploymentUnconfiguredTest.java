package io.hypermesh.registry.deployment;

import static io.hypermesh.registry.Fixtures.ASSETS;
import static io.hypermesh.registry.Fixtures.assertProblem;
import static io.hypermesh.registry.Fixtures.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.registry.RegistryServiceTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A registry started without the ledger's address: everything works but deploying, which says why. */
class DeploymentUnconfiguredTest extends RegistryServiceTest {

    @Test
    void shouldAnswer503NamingTheMissingConfigurationAndChangeNothing() {
        Ed25519.Signer owner = Ed25519.generate();
        String token = TOKENS.token(owner.identity().value(), "client");
        String id = http.post(ASSETS, asset("undeployable", "FULL_PUBLIC")).bearer(token).send().json().path("id").asString();
        String version = ASSETS + "/" + id + "/versions/1";
        JsonNode payload = http.get(version + "/deployment-operation").bearer(token).send().json().path("payload");
        ConsensusProof proof = ConsensusProof.create(owner, "DEPLOYMENT", payload, 0, "00".repeat(32), Instant.now(), "eu-west",
                1.0, 2.0, 3.0, 4);

        Response refused = http.post(version + "/deployment", Map.of("proof", proof.toJson())).header("Idempotency-Key", "k")
                .bearer(token).send();

        assertProblem(refused, 503, "deployment-unavailable");
        assertThat(refused.json().path("detail").asString()).contains("HYPERMESH_LEDGER_URL");
        assertThat(http.get(version).bearer(token).send().json().path("status").asString()).isEqualTo("DRAFT");
    }
}
