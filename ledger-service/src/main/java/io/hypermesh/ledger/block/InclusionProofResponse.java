package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Evidence that a block is in the Merkle Mountain Range over all block hashes at the current head "
        + "(docs/protocol.md §6). Check it with io.hypermesh.protocol.InclusionProof.verify against a root you trust.")
record InclusionProofResponse(
        long height,
        @Schema(description = "The block's hash; its leaf is SHA-256(0x00 ‖ hash)") String blockHash,
        @Schema(description = "The leaf's index: the block's height") long leafIndex,
        @Schema(description = "Leaves in the range: the head height + 1") long leafCount,
        @Schema(description = "Nodes in the range (leaves and parents): 2·leafCount − popcount(leafCount)") long mmrSize,
        @Schema(description = "Sibling hashes from the leaf up to its mountain's peak, lowest first; the side of each "
                + "follows from leafIndex's bits") List<String> path,
        @Schema(description = "The peaks of all mountains, left (oldest) to right") List<String> peaks,
        @Schema(description = "Which peak the path leads to (0 = leftmost)") int peakIndex,
        @Schema(description = "SHA-256(\"hypermesh-mmr:v1\" ‖ i64(leafCount) ‖ peaks)") String root,
        @Schema(description = "The head the range ends at") long headHeight,
        String headHash) {
}
