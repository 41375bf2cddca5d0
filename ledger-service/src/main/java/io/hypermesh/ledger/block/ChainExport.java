package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import io.hypermesh.protocol.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chain as JSON lines, one block per line in height order, each line the RFC 8785 canonical form of the
 * block. Canonicalizing the embedded payload or proof again gives back the exact bytes that were hashed, so
 * an offline verifier needs nothing but this file and docs/protocol.md.
 */
@Service
class ChainExport {

    private static final int PAGE = 500;

    private final BlockRepository blocks;

    ChainExport(BlockRepository blocks) {
        this.blocks = blocks;
    }

    /** The range the export will cover, checked before the first byte is written. */
    long[] range(Long fromHeight, Long toHeight) {
        long head = blocks.head().map(Block::height).orElse(-1L);
        long from = fromHeight == null ? 0 : fromHeight;
        long to = toHeight == null ? head : Math.min(toHeight, head);
        if (from > to) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid range",
                    "'from' (" + from + ") must not be above 'to' or the head (" + head + ").");
        }
        return new long[] {from, to};
    }

    void write(long from, long to, OutputStream out) throws IOException {
        for (long start = from; start <= to; start += PAGE) {
            List<Block> page = blocks.range(start, Math.min(to, start + PAGE - 1));
            for (Block block : page) {
                out.write(line(block).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            out.flush();
        }
    }

    static String line(Block block) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("height", block.height());
        json.put("hash", block.hash());
        json.put("previousHash", block.previousHash());
        json.put("type", block.type());
        json.set("payload", CanonicalJson.parse(block.payload()));
        json.put("payloadDigest", block.payloadDigest());
        json.set("proof", block.proof() == null ? JsonNodeFactory.instance.nullNode() : CanonicalJson.parse(block.proof()));
        json.put("proofDigest", block.proofDigest());
        json.put("author", block.author());
        json.put("timestamp", block.timestamp().toEpochMilli());
        return CanonicalJson.canonicalString(json);
    }
}
