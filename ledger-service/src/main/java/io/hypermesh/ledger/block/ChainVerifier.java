package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Recomputes, from the stored columns alone, what docs/protocol.md says a block must satisfy: canonical
 * payload and proof whose SHA-256 are the stored digests, a signature by the author over the binding
 * digest, the block hash over the header, and the link to the block below. The first height that fails
 * is named with what failed.
 */
@Service
class ChainVerifier {

    private static final int PAGE = 500;

    private final BlockRepository blocks;

    ChainVerifier(BlockRepository blocks) {
        this.blocks = blocks;
    }

    VerificationReport verify(Long fromHeight, Long toHeight) {
        long head = blocks.head().map(Block::height).orElse(-1L);
        long from = fromHeight == null ? 0 : fromHeight;
        long to = toHeight == null ? head : Math.min(toHeight, head);
        if (from > to) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range",
                    "'from' (" + from + ") must not be above 'to' or the head (" + head + ").");
        }
        String previousHash = from == 0 ? null : blocks.findByHeight(from - 1).map(Block::hash).orElse(null);
        long expected = from;
        for (long start = from; start <= to; start += PAGE) {
            List<Block> page = blocks.range(start, Math.min(to, start + PAGE - 1));
            for (Block block : page) {
                if (block.height() != expected) {
                    return bad(from, to, expected, "the block at this height is missing");
                }
                String problem = problemWith(block, previousHash);
                if (problem != null) {
                    return bad(from, to, block.height(), problem);
                }
                previousHash = block.hash();
                expected++;
            }
            if (expected <= Math.min(to, start + PAGE - 1)) {
                return bad(from, to, expected, "the block at this height is missing");
            }
        }
        return new VerificationReport(from, to, to - from + 1, true, null, null, previousHash);
    }

    private static VerificationReport bad(long from, long to, long height, String reason) {
        return new VerificationReport(from, to, height - from, false, height, reason, null);
    }

    /** What is wrong with a stored block, or null when nothing is. */
    static String problemWith(Block block, String expectedPreviousHash) {
        if (expectedPreviousHash != null && !expectedPreviousHash.equals(block.previousHash())) {
            return "previous_hash is not the hash of the block below";
        }
        if (!isCanonical(block.payload())) {
            return "payload is not canonical JSON";
        }
        if (!Digests.sha256Hex(block.payload().getBytes(StandardCharsets.UTF_8)).equals(block.payloadDigest())) {
            return "payload does not match payload_digest";
        }
        String proofProblem = block.height() == 0 ? genesisProblem(block) : proofProblem(block);
        if (proofProblem != null) {
            return proofProblem;
        }
        BlockHeader header;
        try {
            header = block.header();
        } catch (IllegalArgumentException e) {
            return "the stored header is malformed: " + e.getMessage();
        }
        if (!header.hash().equals(block.hash())) {
            return "hash is not the hash of the block's height, previous hash, type, digests, author and timestamp";
        }
        // Not hashed, but a wrong value would hide the block from (or add it to) a subject query.
        if (!block.subjects().equals(BlockSubjects.of(block.payload()))) {
            return "subjects are not the ones the payload names";
        }
        return null;
    }

    private static String genesisProblem(Block block) {
        if (!BlockHeader.GENESIS.equals(block.type()) || !BlockHeader.ZERO_HASH.equals(block.previousHash())
                || block.proof() != null || !BlockHeader.ZERO_HASH.equals(block.proofDigest())) {
            return "block 0 is not a well-formed GENESIS block";
        }
        return null;
    }

    private static String proofProblem(Block block) {
        if (block.proof() == null || !isCanonical(block.proof())) {
            return "proof is not canonical JSON";
        }
        if (!Digests.sha256Hex(block.proof().getBytes(StandardCharsets.UTF_8)).equals(block.proofDigest())) {
            return "proof does not match proof_digest";
        }
        ConsensusProof proof;
        byte[] binding;
        try {
            proof = ConsensusProof.fromJson(CanonicalJson.parse(block.proof()));
            binding = proof.bindingDigest(block.type(), HexFormat.of().parseHex(block.payloadDigest()));
        } catch (IllegalArgumentException e) {
            return "proof is malformed: " + e.getMessage();
        }
        if (!proof.stake().identity().equals(block.author())) {
            return "author is not the identity of the proof";
        }
        if (!HexFormat.of().formatHex(binding).equals(block.bindingDigest())) {
            return "binding_digest is not the digest the proof binds";
        }
        if (!ProofVerifier.verifyStake(proof.stake(), binding).isValid()) {
            return "the proof's signature does not verify for its author";
        }
        return null;
    }

    private static boolean isCanonical(String json) {
        try {
            return CanonicalJson.canonicalString(json).equals(json);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
