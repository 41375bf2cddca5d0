package io.hypermesh.ledger.block;

import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An operation whose payload is canonical and whose proof has passed every check that needs no lock; {@code index}
 * is its position in a batch (0 for a single append).
 */
record CheckedOperation(int index, String type, String payload, byte[] operationDigest, ConsensusProof proof,
                        String proofText, String bindingDigest) {

    /** Re-checked under the append lock: the head may have moved on while the operation waited for it. */
    boolean anchorTooOld(long headHeight, long maxAnchorAgeBlocks) {
        return headHeight - proof.time().anchorHeight() > maxAnchorAgeBlocks;
    }

    ProofRejectedException anchorTooOldRefusal(long headHeight, long maxAnchorAgeBlocks) {
        return new ProofRejectedException(ProofRejectedException.Reason.TIME, "the anchor block is "
                + (headHeight - proof.time().anchorHeight()) + " blocks behind the head; at most " + maxAnchorAgeBlocks
                + " are allowed");
    }

    /** The block this operation becomes as the child of {@code parent}. */
    Block childOf(Block parent, Instant timestamp) {
        String payloadDigest = HexFormat.of().formatHex(operationDigest);
        String author = proof.stake().identity();
        BlockHeader header = new BlockHeader(parent.height() + 1, parent.hash(), type, payloadDigest,
                Digests.sha256Hex(proofText.getBytes(StandardCharsets.UTF_8)), author, timestamp);
        return new Block(header.height(), header.previousHash(), type, payload, payloadDigest, proofText, header.proofDigest(),
                bindingDigest, author, timestamp, header.hash(), BlockSubjects.of(payload));
    }
}
