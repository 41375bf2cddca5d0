package io.hypermesh.cli;

import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.CompletionCheck;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.MerkleMountainRange;
import io.hypermesh.protocol.ProofOfWork;
import io.hypermesh.protocol.ProofVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/**
 * Checks a ledger export (JSON lines, one block per line in height order, as served by
 * {@code GET /api/v1/ledger/blocks/export}) with nothing but the protocol library: every rule of
 * docs/protocol.md §4.3 is recomputed from the file, and every COMPLETION block's attestations and settlement are
 * checked (§7.5), so the verdict does not depend on trusting the service.
 * Lines are read one at a time; memory does not grow with the chain.
 */
final class ExportVerifier {

    private static final HexFormat HEX = HexFormat.of();

    /** Either every block from {@code firstHeight} to {@code lastHeight} verified, or {@code badHeight} is the first that did not. */
    record Result(long firstHeight, long lastHeight, long checkedBlocks, Long badHeight, String reason, String lastHash,
                  String mmrRoot) {

        boolean isValid() {
            return badHeight == null;
        }
    }

    private final int minimumDifficulty;

    /** @param minimumDifficulty leading zero bits every non-GENESIS proof's work hash must have (0: not checked). */
    ExportVerifier(int minimumDifficulty) {
        if (minimumDifficulty < 0 || minimumDifficulty > ProofOfWork.MAX_DIFFICULTY) {
            throw new IllegalArgumentException("the difficulty must be 0 to " + ProofOfWork.MAX_DIFFICULTY);
        }
        this.minimumDifficulty = minimumDifficulty;
    }

    Result verify(BufferedReader lines) throws IOException {
        long first = -1;
        long expected = -1;
        String previousHash = null;
        Instant previousTimestamp = null;
        long checked = 0;
        MerkleMountainRange range = new MerkleMountainRange();
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode block;
            try {
                block = CanonicalJson.parse(line);
            } catch (IllegalArgumentException e) {
                return failed(first, expected, lineNumber, checked, "line " + lineNumber + " is not JSON: " + e.getMessage());
            }
            long height = block.path("height").canConvertToLong() && block.path("height").isIntegralNumber()
                    ? block.path("height").longValue() : -1;
            if (first < 0) {
                if (height < 0) {
                    return failed(first, expected, lineNumber, checked, "height: line " + lineNumber + " has no non-negative integer height");
                }
                first = height;
                expected = height;
            }
            if (height != expected) {
                return bad(first, expected, checked, "height: expected " + expected + " after the block below, found "
                        + block.path("height"));
            }
            String problem = problemWith(block, height, previousHash, previousTimestamp);
            if (problem != null) {
                return bad(first, height, checked, problem);
            }
            previousHash = block.path("hash").asString();
            range.append(previousHash);
            previousTimestamp = Instant.ofEpochMilli(block.path("timestamp").longValue());
            checked++;
            expected++;
        }
        if (first < 0) {
            throw new IOException("the export has no blocks");
        }
        // The Merkle Mountain Range root is only meaningful over a chain from GENESIS: it is the trusted root
        // against which inclusion proofs for this length can be checked.
        return new Result(first, expected - 1, checked, null, null, previousHash, first == 0 ? range.root() : null);
    }

    private static Result bad(long first, long height, long checked, String reason) {
        return new Result(first, height - 1, checked, height, reason, null, null);
    }

    private static Result failed(long first, long expected, int lineNumber, long checked, String reason) {
        // A line that cannot be read at all is named by the height it should have had (or by its line number first).
        long height = expected >= 0 ? expected : lineNumber - 1;
        return new Result(first, height - 1, checked, height, reason, null, null);
    }

    /** What is wrong with one exported block, or null when nothing is; {@code previousHash} is null for the first line. */
    private String problemWith(JsonNode block, long height, String previousHash, Instant previousTimestamp) {
        String hash = hex(block, "hash");
        String previous = hex(block, "previousHash");
        String payloadDigest = hex(block, "payloadDigest");
        String proofDigest = hex(block, "proofDigest");
        if (hash == null || previous == null || payloadDigest == null || proofDigest == null) {
            return "hash, previousHash, payloadDigest and proofDigest must each be 64 lowercase hex characters";
        }
        if (!block.path("type").isString() || !BlockHeader.isValidType(block.path("type").stringValue())) {
            return "type: not a block type";
        }
        if (!block.path("author").isString() || block.path("author").stringValue().isEmpty()) {
            return "author: missing";
        }
        if (!block.path("timestamp").isIntegralNumber() || !block.path("timestamp").canConvertToLong()) {
            return "timestamp: not an integer number of epoch milliseconds";
        }
        String type = block.path("type").stringValue();
        String author = block.path("author").stringValue();
        Instant timestamp = Instant.ofEpochMilli(block.path("timestamp").longValue());
        if (previousHash != null && !previousHash.equals(previous)) {
            return "previousHash: is not the hash of block " + (height - 1);
        }
        if (previousTimestamp != null && timestamp.isBefore(previousTimestamp)) {
            return "timestamp: earlier than block " + (height - 1) + "'s";
        }
        JsonNode payload = block.path("payload");
        if (!payload.isObject()) {
            return "payload: not a JSON object";
        }
        if (!sha256(payload).equals(payloadDigest)) {
            return "payloadDigest: is not SHA-256 of the canonical payload (payload or payloadDigest altered)";
        }
        String proofProblem = height == 0
                ? genesisProblem(block, type, previous, proofDigest, author)
                : proofProblem(block.path("proof"), type, payloadDigest, proofDigest, author);
        if (proofProblem != null) {
            return proofProblem;
        }
        String recomputed = new BlockHeader(height, previous, type, payloadDigest, proofDigest, author, timestamp).hash();
        if (!recomputed.equals(hash)) {
            return "hash: is not the block hash of its height, previousHash, type, digests, author and timestamp";
        }
        if (CompletionCheck.BLOCK_TYPE.equals(type)) {
            String completion = CompletionCheck.problemWith(payload);
            if (completion != null) {
                return "completion: " + completion;
            }
        }
        return null;
    }

    private static String genesisProblem(JsonNode block, String type, String previous, String proofDigest, String author) {
        if (!BlockHeader.GENESIS.equals(type) || !BlockHeader.ZERO_HASH.equals(previous) || !block.path("proof").isNull()
                || !BlockHeader.ZERO_HASH.equals(proofDigest) || !BlockHeader.GENESIS_AUTHOR.equals(author)) {
            return "genesis: block 0 must be GENESIS by 'genesis' with zero previousHash and proofDigest and no proof";
        }
        return null;
    }

    private String proofProblem(JsonNode proofJson, String type, String payloadDigest, String proofDigest, String author) {
        if (!proofJson.isObject()) {
            return "proof: missing";
        }
        String actual;
        try {
            actual = sha256(proofJson);
        } catch (IllegalArgumentException e) {
            return "proof: cannot be canonicalized: " + e.getMessage();
        }
        if (!actual.equals(proofDigest)) {
            return "proofDigest: is not SHA-256 of the canonical proof (proof or proofDigest altered)";
        }
        ConsensusProof proof;
        byte[] binding;
        try {
            proof = ConsensusProof.fromJson(proofJson);
            binding = proof.bindingDigest(type, HEX.parseHex(payloadDigest));
        } catch (IllegalArgumentException e) {
            return "proof: malformed: " + e.getMessage();
        }
        if (!author.equals(proof.stake().identity())) {
            return "author: is not the identity of the proof";
        }
        if (!ProofVerifier.verifyStake(proof.stake(), binding).isValid()) {
            return "proof: the signature does not verify over the binding of this block's type, payload and proof";
        }
        if (minimumDifficulty > 0 && !ProofVerifier.verifyWork(proof.work(), binding, minimumDifficulty).isValid()) {
            return "proof: the work hash has fewer than " + minimumDifficulty + " leading zero bits";
        }
        return null;
    }

    private static String hex(JsonNode block, String name) {
        JsonNode node = block.path(name);
        if (!node.isString()) {
            return null;
        }
        String value = node.stringValue();
        return value.length() == 64 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) ? value : null;
    }

    private static String sha256(JsonNode json) {
        return Digests.sha256Hex(CanonicalJson.canonicalString(json).getBytes(StandardCharsets.UTF_8));
    }
}
