package io.hypermesh.ledger.block;

import io.hypermesh.protocol.BlockHeader;
import java.time.Instant;
import java.util.List;

/**
 * A stored block. {@code payload} and {@code proof} are the canonical JSON text that was hashed
 * ({@code proof} is null for GENESIS); {@code bindingDigest} is what the proof's signature covers; {@code subjects} are derived from the payload
 * ({@link BlockSubjects}) and not hashed.
 */
record Block(long height, String previousHash, String type, String payload, String payloadDigest, String proof,
             String proofDigest, String bindingDigest, String author, Instant timestamp, String hash, List<String> subjects) {

    BlockHeader header() {
        return new BlockHeader(height, previousHash, type, payloadDigest, proofDigest, author, timestamp);
    }
}
