package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The outcome of recomputing digests, hashes and links over a range of heights")
record VerificationReport(
        long from,
        long to,
        @Schema(description = "How many blocks were checked before the first bad one (or all)") long checkedBlocks,
        boolean valid,
        @Schema(description = "The first height whose stored block does not verify; null when valid") Long firstBadHeight,
        @Schema(description = "What is wrong at firstBadHeight") String reason,
        @Schema(description = "The stored hash of the block at 'to', when valid") String lastHash) {
}
