package io.hypermesh.ledger.block;

import io.hypermesh.protocol.CanonicalJson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

@Schema(description = "A block. Its hash is SHA-256 over (height, previousHash, type, payloadDigest, proofDigest, author, "
        + "timestamp in epoch milliseconds) as laid out in docs/protocol.md")
record BlockResponse(
        long height,
        String hash,
        String previousHash,
        String type,
        @Schema(description = "The operation; payloadDigest is SHA-256 of its RFC 8785 canonical form") JsonNode payload,
        String payloadDigest,
        @Schema(description = "The consensus proof (null for GENESIS); proofDigest is SHA-256 of its canonical form") JsonNode proof,
        String proofDigest,
        @Schema(description = "The author's identity (the literal 'genesis' for block 0)") String author,
        @Schema(description = "When the ledger appended the block, millisecond precision") Instant timestamp) {

    static BlockResponse of(Block block) {
        return new BlockResponse(block.height(), block.hash(), block.previousHash(), block.type(),
                CanonicalJson.parse(block.payload()), block.payloadDigest(),
                block.proof() == null ? null : CanonicalJson.parse(block.proof()), block.proofDigest(),
                block.author(), block.timestamp());
    }
}
