package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.ledger.client.StakeClient;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.OperationDigest;
import io.hypermesh.protocol.ProofOfWork;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rules an operator configures per block type: work difficulty, minimum stake, anchor window. The stake
 * source here is a test stand-in for payment-service at the {@link StakeClient} boundary.
 */
@TestPropertySource(properties = {
        "hypermesh.ledger.proof.max-anchor-age-blocks=2",
        "hypermesh.ledger.proof.difficulty.COMPLETION=14",
        "hypermesh.ledger.proof.minimum-stake.STAKE_CHANGED=1000"})
class ConfiguredRulesTest extends LedgerServiceTest {

    /** Staked micro-CAES by identity; an identity not listed cannot be looked up (payment-service unreachable). */
    static final Map<String, Long> STAKES = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Stakes {

        @Bean
        StakeClient stakeClient() {
            return identity -> {
                Long staked = STAKES.get(identity.value());
                if (staked == null) {
                    throw new StakeClient.StakeUnavailableException("no answer for " + identity, null);
                }
                return staked;
            };
        }
    }

    @Test
    void shouldDemandTheDifficultyConfiguredForTheType() {
        Ed25519.Signer author = Ed25519.generate();
        Map<String, Object> payload = uniquePayload();
        ConsensusProof unmined = proof(author, "COMPLETION", payload, 0);
        byte[] binding = unmined.bindingDigest("COMPLETION", OperationDigest.of(CanonicalJson.tree(payload)));
        long nonce = 0;
        while (!ProofOfWork.meets(binding, nonce, DIFFICULTY) || ProofOfWork.meets(binding, nonce, 14)) {
            nonce++; // enough for the default difficulty, not for this type's
        }
        ConsensusProof weak = new ConsensusProof(unmined.stake(), new ConsensusProof.Work(nonce), unmined.time(), unmined.space());

        Response refused = append(appendBody("COMPLETION", payload, weak), UUID.randomUUID().toString());
        assertProblem(refused, 422, "proof-work-insufficient");
        assertThat(refused.json().path("detail").asString()).contains("needs 14");

        Response accepted = append(appendBody("COMPLETION", payload, proof(author, "COMPLETION", payload, 14)), UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAnAnchorFurtherBehindTheHeadThanTheWindow() {
        Ed25519.Signer author = Ed25519.generate();
        JsonNode anchor = head();
        appendDeployment(author);
        appendDeployment(author);
        appendDeployment(author);
        Map<String, Object> payload = uniquePayload();
        ConsensusProof old = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(payload), anchor.path("height").asLong(),
                anchor.path("hash").asString(), Instant.now(), "eu-west", 1, 2, 3, DIFFICULTY);
        JsonNode before = head();

        Response response = append(appendBody("DEPLOYMENT", payload, old), UUID.randomUUID().toString());

        assertProblem(response, 422, "proof-time-invalid");
        assertThat(response.json().path("detail").asString()).contains("3 blocks behind");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAStakeBelowTheMinimumAndAcceptOneAtIt() {
        Ed25519.Signer poor = Ed25519.generate();
        Ed25519.Signer staked = Ed25519.generate();
        STAKES.put(poor.identity().value(), 999L);
        STAKES.put(staked.identity().value(), 1000L);
        JsonNode before = head();

        Map<String, Object> payload = uniquePayload();
        Response refused = append(appendBody("STAKE_CHANGED", payload, proof(poor, "STAKE_CHANGED", payload, DIFFICULTY)),
                UUID.randomUUID().toString());
        assertProblem(refused, 422, "proof-stake-invalid");
        assertThat(refused.json().path("detail").asString()).contains("999", "1000");
        assertThat(head()).isEqualTo(before);

        Map<String, Object> other = uniquePayload();
        Response accepted = append(appendBody("STAKE_CHANGED", other, proof(staked, "STAKE_CHANGED", other, DIFFICULTY)),
                UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void shouldRefuseWithServiceUnavailableWhenTheStakeCannotBeLookedUp() {
        Ed25519.Signer unknown = Ed25519.generate();
        JsonNode before = head();
        Map<String, Object> payload = uniquePayload();

        Response response = append(appendBody("STAKE_CHANGED", payload, proof(unknown, "STAKE_CHANGED", payload, DIFFICULTY)),
                UUID.randomUUID().toString());

        assertProblem(response, 503, "stake-unavailable");
        assertThat(head()).isEqualTo(before);
    }
}
