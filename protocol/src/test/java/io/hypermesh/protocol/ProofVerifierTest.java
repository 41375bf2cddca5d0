package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProofVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ANCHOR_HASH = Digests.sha256Hex(new byte[] {7});
    private static final ProofVerifier.Rules RULES = new ProofVerifier.Rules(8, Duration.ofSeconds(30), 5);

    private final Ed25519.Signer author = Ed25519.generate();
    private final JsonNode payload = CanonicalJson.tree(Map.of("assetId", "a-1", "version", "1.0.0"));

    /** Ten blocks; the anchor candidate is height 9, made a minute before NOW. */
    private static final ProofVerifier.Chain CHAIN = new ProofVerifier.Chain() {
        @Override
        public Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
            return height == 9 ? Optional.of(new ProofVerifier.AnchorBlock(9, ANCHOR_HASH, NOW.minusSeconds(60))) : Optional.empty();
        }

        @Override
        public long headHeight() {
            return 9;
        }
    };

    private ConsensusProof proof(Instant timestamp, long anchorHeight, String anchorHash, String zone, double x, int difficulty) {
        return ConsensusProof.create(author, "DEPLOYMENT", payload, anchorHeight, anchorHash, timestamp, zone, x, 2, 3, difficulty);
    }

    private ConsensusProof valid() {
        return proof(NOW.minusSeconds(1), 9, ANCHOR_HASH, "eu-west", 1, 8);
    }

    private ProofVerification verify(ConsensusProof proof) {
        return ProofVerifier.verify("DEPLOYMENT", payload, proof, RULES, CHAIN, NOW);
    }

    @Test
    void shouldAcceptAProofMadeByTheClientSide() {
        ProofVerification result = verify(valid());

        assertThat(result.isValid()).as(String.valueOf(result.reason())).isTrue();
        assertThat(ProofOfWork.meets(valid().bindingDigest("DEPLOYMENT", OperationDigest.of(payload)), valid().work().nonce(), 8)).isTrue();
    }

    @Test
    void shouldNameStakeWhenTheSignatureIsForgedOrTheIdentityIsNotTheKeys() {
        ConsensusProof proof = valid();
        ConsensusProof forgedSignature = new ConsensusProof(new ConsensusProof.Stake(proof.stake().publicKey(), proof.stake().identity(),
                Ed25519.generate().signBase64Url(new byte[32])), proof.work(), proof.time(), proof.space());
        ConsensusProof foreignIdentity = new ConsensusProof(new ConsensusProof.Stake(proof.stake().publicKey(),
                Ed25519.generate().identity().value(), proof.stake().signature()), proof.work(), proof.time(), proof.space());
        ConsensusProof badKey = new ConsensusProof(new ConsensusProof.Stake("AAAA", proof.stake().identity(),
                proof.stake().signature()), proof.work(), proof.time(), proof.space());

        assertThat(verify(forgedSignature).failedPart()).isEqualTo(ProofPart.STAKE);
        assertThat(verify(foreignIdentity).failedPart()).isEqualTo(ProofPart.STAKE);
        assertThat(verify(badKey).failedPart()).isEqualTo(ProofPart.STAKE);
    }

    @Test
    void shouldNameStakeWhenThePayloadOrTypeIsNotWhatWasSigned() {
        ConsensusProof proof = valid();
        JsonNode otherPayload = CanonicalJson.tree(Map.of("assetId", "a-2", "version", "1.0.0"));

        assertThat(ProofVerifier.verify("DEPLOYMENT", otherPayload, proof, RULES, CHAIN, NOW).failedPart()).isEqualTo(ProofPart.STAKE);
        assertThat(ProofVerifier.verify("EXECUTION", payload, proof, RULES, CHAIN, NOW).failedPart()).isEqualTo(ProofPart.STAKE);
    }

    @Test
    void shouldNameWorkWhenTheNonceIsBelowTheDifficulty() {
        ConsensusProof weak = proof(NOW.minusSeconds(1), 9, ANCHOR_HASH, "eu-west", 1, 0);
        byte[] binding = weak.bindingDigest("DEPLOYMENT", OperationDigest.of(payload));
        long nonce = 0;
        while (ProofOfWork.leadingZeroBits(ProofOfWork.hash(binding, nonce)) >= 8) {
            nonce++;
        }
        ConsensusProof insufficient = new ConsensusProof(weak.stake(), new ConsensusProof.Work(nonce), weak.time(), weak.space());

        ProofVerification result = verify(insufficient);

        assertThat(result.failedPart()).isEqualTo(ProofPart.WORK);
        assertThat(result.reason()).contains("needs 8");
        assertThat(verify(new ConsensusProof(weak.stake(), new ConsensusProof.Work(-1), weak.time(), weak.space())).failedPart())
                .isEqualTo(ProofPart.WORK);
    }

    @Test
    void shouldNameTimeForDriftUnknownOrStaleAnchorAndATimestampBeforeItsAnchor() {
        assertThat(verify(proof(NOW.minusSeconds(31), 9, ANCHOR_HASH, "eu-west", 1, 8)).reason()).contains("drift", "ms away");
        assertThat(verify(proof(NOW.plusSeconds(31), 9, ANCHOR_HASH, "eu-west", 1, 8)).failedPart()).isEqualTo(ProofPart.TIME);
        assertThat(verify(proof(NOW, 9, Digests.sha256Hex(new byte[] {8}), "eu-west", 1, 8)).reason()).contains("no block at height 9");
        assertThat(verify(proof(NOW, 3, ANCHOR_HASH, "eu-west", 1, 8)).failedPart()).isEqualTo(ProofPart.TIME);

        ProofVerifier.Chain longChain = new ProofVerifier.Chain() {
            @Override
            public Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
                return CHAIN.blockAt(height);
            }

            @Override
            public long headHeight() {
                return 15;
            }
        };
        ProofVerification stale = ProofVerifier.verify("DEPLOYMENT", payload, valid(), RULES, longChain, NOW);
        assertThat(stale.failedPart()).isEqualTo(ProofPart.TIME);
        assertThat(stale.reason()).contains("6 blocks behind");

        ProofVerifier.Rules wideDrift = new ProofVerifier.Rules(8, Duration.ofMinutes(5), 5);
        ProofVerification beforeAnchor = ProofVerifier.verify("DEPLOYMENT", payload,
                proof(NOW.minusSeconds(120), 9, ANCHOR_HASH, "eu-west", 1, 8), wideDrift, CHAIN, NOW);
        assertThat(beforeAnchor.failedPart()).isEqualTo(ProofPart.TIME);
        assertThat(beforeAnchor.reason()).contains("older than its anchor");
    }

    @Test
    void shouldNameSpaceForAMalformedZoneOrANonFiniteCoordinate() {
        assertThat(verify(proof(NOW, 9, ANCHOR_HASH, "Not A Zone", 1, 8)).failedPart()).isEqualTo(ProofPart.SPACE);
        assertThat(verify(proof(NOW, 9, ANCHOR_HASH, "eu-west", Double.POSITIVE_INFINITY, 8)).failedPart()).isEqualTo(ProofPart.SPACE);
    }

    @Test
    void shouldCountLeadingZeroBits() {
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0, 0x10})).isEqualTo(19);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 1})).isEqualTo(15);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }

    @Test
    void shouldRoundTripTheWireJson() {
        ConsensusProof proof = valid();

        ConsensusProof parsed = ConsensusProof.fromJson(CanonicalJson.parse(CanonicalJson.canonicalString(proof.toJson())));

        assertThat(parsed).isEqualTo(proof);
        assertThat(parsed.digest()).isEqualTo(proof.digest());
    }
}
