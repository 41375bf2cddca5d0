package io.hypermesh.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Server side (and offline) verification of a consensus proof, one part after the other in the order
 * stake, work, time, space; the first part that fails is named. What needs the ledger's own state beyond
 * the anchor block (replay, the staked amount, whether a zone exists) is the caller's to check after this.
 */
public final class ProofVerifier {

    /** What the verifier demands: work difficulty in bits, allowed clock drift, how many blocks old an anchor may be. */
    public record Rules(int difficulty, Duration maxDrift, long maxAnchorAgeBlocks) {

        public Rules {
            if (difficulty < 0 || difficulty > ProofOfWork.MAX_DIFFICULTY) {
                throw new IllegalArgumentException("difficulty must be 0 to " + ProofOfWork.MAX_DIFFICULTY);
            }
            if (maxDrift == null || maxDrift.isNegative() || maxAnchorAgeBlocks < 0) {
                throw new IllegalArgumentException("drift and anchor age must not be negative");
            }
        }
    }

    /** A block as the time check needs it. */
    public record AnchorBlock(long height, String hash, Instant timestamp) {
    }

    /** The chain as the time check sees it. */
    public interface Chain {

        Optional<AnchorBlock> blockAt(long height);

        long headHeight();
    }

    private ProofVerifier() {
    }

    public static ProofVerification verify(String type, JsonNode payload, ConsensusProof proof, Rules rules, Chain chain,
            Instant now) {
        return verify(type, OperationDigest.of(payload), proof, rules, chain, now);
    }

    public static ProofVerification verify(String type, byte[] operationDigest, ConsensusProof proof, Rules rules,
            Chain chain, Instant now) {
        // A part so malformed that the binding cannot be built is named before the signature is checked.
        if (!Layout.isDigestHex(proof.time().anchorHash())) {
            return ProofVerification.failed(ProofPart.TIME, "the anchor hash must be 64 lowercase hex characters");
        }
        if (proof.space().zone() == null || !ConsensusProof.ZONE.matcher(proof.space().zone()).matches()) {
            return verifySpace(proof.space());
        }
        if (proof.stake().identity() == null) {
            return ProofVerification.failed(ProofPart.STAKE, "the identity is missing");
        }
        byte[] binding = proof.bindingDigest(type, operationDigest);
        ProofVerification result = verifyStake(proof.stake(), binding);
        if (!result.isValid()) {
            return result;
        }
        result = verifyWork(proof.work(), binding, rules.difficulty());
        if (!result.isValid()) {
            return result;
        }
        result = verifyTime(proof.time(), now, rules, chain);
        if (!result.isValid()) {
            return result;
        }
        return verifySpace(proof.space());
    }

    /** The key is well formed, the identity is derived from it, and the signature over the binding digest verifies. */
    public static ProofVerification verifyStake(ConsensusProof.Stake stake, byte[] bindingDigest) {
        Ed25519.PublicKeyBytes key;
        try {
            key = Ed25519.PublicKeyBytes.fromBase64Url(stake.publicKey());
        } catch (IllegalArgumentException e) {
            return ProofVerification.failed(ProofPart.STAKE, "the public key is not 32 bytes of base64url");
        }
        if (!Identity.isValid(stake.identity()) || !Identity.parse(stake.identity()).isDerivedFrom(key)) {
            return ProofVerification.failed(ProofPart.STAKE, "the identity is not the one derived from the public key");
        }
        if (!Ed25519.verify(key, bindingDigest, stake.signature())) {
            return ProofVerification.failed(ProofPart.STAKE, "the signature does not verify over the binding digest");
        }
        return ProofVerification.valid();
    }

    public static ProofVerification verifyWork(ConsensusProof.Work work, byte[] bindingDigest, int difficulty) {
        if (work.nonce() < 0 || work.nonce() > ProofOfWork.MAX_NONCE) {
            return ProofVerification.failed(ProofPart.WORK, "the nonce must be 0 to 2^53 - 1");
        }
        int bits = ProofOfWork.leadingZeroBits(ProofOfWork.hash(bindingDigest, work.nonce()));
        if (bits < difficulty) {
            return ProofVerification.failed(ProofPart.WORK,
                    "the work hash has " + bits + " leading zero bits; this operation type needs " + difficulty);
        }
        return ProofVerification.valid();
    }

    /**
     * The timestamp is within the drift of {@code now}; the anchor block exists with that hash, is at most
     * {@code maxAnchorAgeBlocks} behind the head, and is not newer than the timestamp.
     */
    public static ProofVerification verifyTime(ConsensusProof.Time time, Instant now, Rules rules, Chain chain) {
        long driftMillis = Math.abs(now.toEpochMilli() - time.timestamp());
        if (driftMillis > rules.maxDrift().toMillis()) {
            return ProofVerification.failed(ProofPart.TIME, "the timestamp is " + driftMillis
                    + " ms away from the ledger's clock; the allowed drift is " + rules.maxDrift().toMillis() + " ms");
        }
        Optional<AnchorBlock> anchor = time.anchorHeight() < 0 ? Optional.empty() : chain.blockAt(time.anchorHeight());
        if (anchor.isEmpty() || !anchor.get().hash().equals(time.anchorHash())) {
            return ProofVerification.failed(ProofPart.TIME,
                    "there is no block at height " + time.anchorHeight() + " with the anchor hash");
        }
        long age = chain.headHeight() - time.anchorHeight();
        if (age > rules.maxAnchorAgeBlocks()) {
            return ProofVerification.failed(ProofPart.TIME, "the anchor block is " + age
                    + " blocks behind the head; at most " + rules.maxAnchorAgeBlocks() + " are allowed");
        }
        if (anchor.get().timestamp().toEpochMilli() > time.timestamp()) {
            return ProofVerification.failed(ProofPart.TIME, "the timestamp is older than its anchor block");
        }
        return ProofVerification.valid();
    }

    /** A zone name in the routing service's syntax and a finite coordinate; whether the zone exists is the caller's check. */
    public static ProofVerification verifySpace(ConsensusProof.Space space) {
        if (space.zone() == null || !ConsensusProof.ZONE.matcher(space.zone()).matches()) {
            return ProofVerification.failed(ProofPart.SPACE,
                    "the zone must be 2-63 lowercase letters, digits or '-', starting with a letter");
        }
        if (!Double.isFinite(space.x()) || !Double.isFinite(space.y()) || !Double.isFinite(space.z())) {
            return ProofVerification.failed(ProofPart.SPACE, "the coordinate must be finite on every axis");
        }
        return ProofVerification.valid();
    }
}
