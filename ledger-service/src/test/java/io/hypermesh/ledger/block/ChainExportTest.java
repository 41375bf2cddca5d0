package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The export checked the way an offline verifier would: with the protocol library and nothing from the service. */
class ChainExportTest extends LedgerServiceTest {

    @Test
    void shouldExportEveryBlockAsACanonicalJsonLineThatVerifiesOffline() {
        appendDeployment(Ed25519.generate());
        appendDeployment(Ed25519.generate());
        long head = head().path("height").asLong();

        Response response = http.get("/api/v1/ledger/blocks/export").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) head + 1);
        String previousHash = BlockHeader.ZERO_HASH;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(CanonicalJson.canonicalString(line)).isEqualTo(line);
            JsonNode block = CanonicalJson.parse(line);
            assertThat(block.path("height").asLong()).isEqualTo(i);
            assertThat(block.path("previousHash").asString()).isEqualTo(previousHash);
            assertThat(sha256(CanonicalJson.canonicalString(block.path("payload")))).isEqualTo(block.path("payloadDigest").asString());
            if (i > 0) {
                assertThat(sha256(CanonicalJson.canonicalString(block.path("proof")))).isEqualTo(block.path("proofDigest").asString());
                ConsensusProof proof = ConsensusProof.fromJson(block.path("proof"));
                byte[] binding = proof.bindingDigest(block.path("type").asString(), HexFormat.of().parseHex(block.path("payloadDigest").asString()));
                assertThat(ProofVerifier.verifyStake(proof.stake(), binding).isValid()).isTrue();
                assertThat(proof.stake().identity()).isEqualTo(block.path("author").asString());
            }
            BlockHeader header = new BlockHeader(i, previousHash, block.path("type").asString(), block.path("payloadDigest").asString(),
                    block.path("proofDigest").asString(), block.path("author").asString(),
                    Instant.ofEpochMilli(block.path("timestamp").asLong()));
            assertThat(header.hash()).isEqualTo(block.path("hash").asString());
            previousHash = header.hash();
        }
    }

    @Test
    void shouldExportARangeAndRefuseAnInvertedOne() {
        long head = appendDeployment(Ed25519.generate()).path("height").asLong();

        List<String> lines = http.get("/api/v1/ledger/blocks/export?from=" + head + "&to=" + head).send().body().lines().toList();

        assertThat(lines).hasSize(1);
        assertThat(CanonicalJson.parse(lines.get(0)).path("height").asLong()).isEqualTo(head);
        assertProblem(http.get("/api/v1/ledger/blocks/export?from=" + (head + 5)).send(), 400, "invalid-range");
    }

    private static String sha256(String text) {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
