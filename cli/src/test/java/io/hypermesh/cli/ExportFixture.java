package io.hypermesh.cli;

import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small chain built with the protocol library the way ledger-service builds it, written as the export
 * endpoint writes it: one RFC 8785 canonical block per line, timestamp in epoch milliseconds.
 */
final class ExportFixture {

    static final int DIFFICULTY = 6;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ExportFixture() {
    }

    /** GENESIS and then {@code blocks} DEPLOYMENT/EXECUTION blocks, each anchored on the block below. */
    static List<String> chain(int blocks) {
        return chain(blocks, null, null);
    }

    /** The same, with the last block of {@code type} carrying {@code payload}, signed and hashed as the ledger would. */
    static List<String> chain(int blocks, String lastType, JsonNode lastPayload) {
        Ed25519.Signer author = Ed25519.generate();
        List<ObjectNode> chain = new ArrayList<>();
        JsonNode genesisPayload = CanonicalJson.tree(Map.of("chain", "test", "message", "HyperMesh Compute genesis"));
        BlockHeader genesis = new BlockHeader(0, BlockHeader.ZERO_HASH, BlockHeader.GENESIS, sha256(genesisPayload),
                BlockHeader.ZERO_HASH, BlockHeader.GENESIS_AUTHOR, START);
        chain.add(line(genesis, genesisPayload, null));
        BlockHeader below = genesis;
        for (int height = 1; height <= blocks; height++) {
            boolean last = height == blocks && lastType != null;
            String type = last ? lastType : height % 2 == 1 ? "DEPLOYMENT" : "EXECUTION";
            JsonNode payload = last ? lastPayload
                    : CanonicalJson.tree(Map.of("assetId", "a-" + height, "executionId", "e-" + height, "version", "1.0." + height));
            Instant signedAt = START.plusSeconds(height);
            ConsensusProof proof = ConsensusProof.create(author, type, payload, below.height(), below.hash(), signedAt,
                    "eu-west", 12.5, -3.0, 40.0, DIFFICULTY);
            BlockHeader header = new BlockHeader(height, below.hash(), type, sha256(payload), proof.digest(),
                    author.identity().value(), signedAt.plusMillis(250));
            chain.add(line(header, payload, proof.toJson()));
            below = header;
        }
        return chain.stream().map(CanonicalJson::canonicalString).toList();
    }

    private static ObjectNode line(BlockHeader header, JsonNode payload, JsonNode proof) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("height", header.height());
        json.put("hash", header.hash());
        json.put("previousHash", header.previousHash());
        json.put("type", header.type());
        json.set("payload", payload);
        json.put("payloadDigest", header.payloadDigest());
        json.set("proof", proof == null ? JsonNodeFactory.instance.nullNode() : proof);
        json.put("proofDigest", header.proofDigest());
        json.put("author", header.author());
        json.put("timestamp", header.timestamp().toEpochMilli());
        return json;
    }

    private static String sha256(JsonNode json) {
        return Digests.sha256Hex(CanonicalJson.canonicalString(json).getBytes(StandardCharsets.UTF_8));
    }
}
