package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.InclusionProof;
import io.hypermesh.protocol.MerkleMountainRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Inclusion evidence checked the way a client that does not trust the service would: the trusted root is
 * computed from the exported block hashes with the protocol library, and the proof with InclusionProof.
 */
class InclusionProofApiTest extends LedgerServiceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InclusionIndex index;

    @Test
    void shouldProveBlocksAgainstTheRootAClientComputesFromTheExport() {
        Ed25519.Signer author = Ed25519.generate();
        for (int i = 0; i < 3; i++) {
            appendDeployment(author);
        }
        List<String> hashes = exportedHashes();
        MerkleMountainRange trusted = new MerkleMountainRange();
        hashes.forEach(trusted::append);
        long leafCount = hashes.size();

        for (long height : List.of(0L, leafCount / 2, leafCount - 2, leafCount - 1)) {
            JsonNode served = proofOf(height, leafCount);
            InclusionProof proof = InclusionProof.fromJson(served);
            InclusionProof.Verification verification = proof.verify(hashes.get((int) height), trusted.root());

            assertThat(verification.valid()).as("height %d: %s", height, verification.reason()).isTrue();
            assertThat(served.path("blockHash").asString()).isEqualTo(hashes.get((int) height));
            assertThat(served.path("leafIndex").asLong()).isEqualTo(height);
            assertThat(served.path("mmrSize").asLong()).isEqualTo(MerkleMountainRange.nodeCount(leafCount));
            assertThat(served.path("peaks").size()).isEqualTo(Long.bitCount(leafCount));
            assertThat(served.path("headHash").asString()).isEqualTo(hashes.get((int) leafCount - 1));
        }
    }

    @Test
    void shouldAnswerAtTheCurrentHeadByDefault() {
        long height = appendDeployment(Ed25519.generate()).path("height").asLong();
        JsonNode head = head();

        JsonNode served = http.get("/api/v1/ledger/blocks/" + height + "/inclusion-proof").send().json();

        assertThat(served.path("leafCount").asLong()).isEqualTo(head.path("height").asLong() + 1);
        assertThat(served.path("headHash").asString()).isEqualTo(head.path("hash").asString());
        assertThat(InclusionProof.fromJson(served).verify(head.path("hash").asString(), served.path("root").asString()).valid()).isTrue();
    }

    @Test
    void shouldRefuseAProofTheServiceTamperedWith() {
        appendDeployment(Ed25519.generate());
        List<String> hashes = exportedHashes();
        MerkleMountainRange trusted = new MerkleMountainRange();
        hashes.forEach(trusted::append);
        int height = hashes.size() - 3;
        JsonNode served = proofOf(height, hashes.size());
        InclusionProof proof = InclusionProof.fromJson(served);
        assertThat(proof.path()).isNotEmpty();

        List<String> path = new ArrayList<>(proof.path());
        path.set(0, flip(path.get(0)));
        InclusionProof flippedPath = new InclusionProof(proof.leafIndex(), proof.leafCount(), path, proof.peaks(), proof.root());
        InclusionProof movedBlock = new InclusionProof(proof.leafIndex() ^ 1, proof.leafCount(), proof.path(), proof.peaks(), proof.root());
        List<String> peaks = new ArrayList<>(proof.peaks());
        peaks.set(peaks.size() - 1, flip(peaks.get(peaks.size() - 1)));
        String selfConsistentRoot = MerkleMountainRange.root(proof.leafCount(), peaks);
        InclusionProof otherHistory = new InclusionProof(proof.leafIndex(), proof.leafCount(), proof.path(), peaks, selfConsistentRoot);

        assertThat(flippedPath.verify(hashes.get(height), trusted.root()).valid()).isFalse();
        assertThat(movedBlock.verify(hashes.get(height), trusted.root()).valid()).isFalse();
        assertThat(proof.verify(hashes.get(height - 1), trusted.root()).valid()).isFalse();
        assertThat(otherHistory.verify(hashes.get(height), trusted.root()).reason()).contains("trusted root");
        assertThat(proof.verify(hashes.get(height), trusted.root()).valid()).isTrue();
    }

    @Test
    void shouldKeepProvingAgainstAnEarlierRootAfterTheChainGrows() {
        long height = appendDeployment(Ed25519.generate()).path("height").asLong();
        JsonNode recorded = http.get("/api/v1/ledger/blocks/" + height + "/inclusion-proof").send().json();
        long recordedCount = recorded.path("leafCount").asLong();
        String recordedRoot = recorded.path("root").asString();

        appendDeployment(Ed25519.generate());
        appendDeployment(Ed25519.generate());
        JsonNode now = http.get("/api/v1/ledger/blocks/" + height + "/inclusion-proof").send().json();
        JsonNode then = proofOf(height, recordedCount);

        assertThat(now.path("root").asString()).isNotEqualTo(recordedRoot);
        assertThat(then.path("root").asString()).isEqualTo(recordedRoot);
        assertThat(InclusionProof.fromJson(then).verify(recorded.path("blockHash").asString(), recordedRoot).valid()).isTrue();
    }

    @Test
    void shouldRebuildLeavesMissingFromTheIndexAtStartUp() {
        appendDeployment(Ed25519.generate());
        appendDeployment(Ed25519.generate());
        long leafCount = head().path("height").asLong() + 1;
        String before = proofOf(0, leafCount).path("root").asString();
        long keep = leafCount - 2;

        // As if the last two blocks had been appended by a version of the service without the index.
        jdbc.sql("alter table mmr_nodes disable trigger mmr_nodes_append_only").update();
        try {
            jdbc.sql("delete from mmr_nodes where (position + 1) * (cast(1 as bigint) << level) > :keep").param("keep", keep).update();
        } finally {
            jdbc.sql("alter table mmr_nodes enable trigger mmr_nodes_append_only").update();
        }
        assertThat(index.leafCount()).isEqualTo(keep);

        index.afterSingletonsInstantiated();

        assertThat(index.leafCount()).isEqualTo(leafCount);
        assertThat(proofOf(0, leafCount).path("root").asString()).isEqualTo(before);
    }

    @Test
    void shouldLetTheNextAppendCatchUpAnIndexThatLagsBehindTheChain() {
        appendDeployment(Ed25519.generate());
        appendDeployment(Ed25519.generate());
        long leafCount = head().path("height").asLong() + 1;
        String before = proofOf(0, leafCount).path("root").asString();
        long keep = leafCount - 2;
        jdbc.sql("alter table mmr_nodes disable trigger mmr_nodes_append_only").update();
        try {
            jdbc.sql("delete from mmr_nodes where (position + 1) * (cast(1 as bigint) << level) > :keep").param("keep", keep).update();
        } finally {
            jdbc.sql("alter table mmr_nodes enable trigger mmr_nodes_append_only").update();
        }

        JsonNode appended = appendDeployment(Ed25519.generate());

        assertThat(index.leafCount()).isEqualTo(leafCount + 1);
        assertThat(proofOf(0, leafCount).path("root").asString()).isEqualTo(before);
        JsonNode proof = proofOf(appended.path("height").asLong(), leafCount + 1);
        assertThat(InclusionProof.fromJson(proof).verify(appended.path("hash").asString(), proof.path("root").asString()).valid())
                .isTrue();
    }

    @Test
    void shouldAnswerAnUnknownHeightOrAnImpossibleSizeWithAProblem() {
        long head = appendDeployment(Ed25519.generate()).path("height").asLong();

        assertProblem(http.get("/api/v1/ledger/blocks/" + (head + 1000) + "/inclusion-proof").send(), 404, "block-not-found");
        assertProblem(http.get("/api/v1/ledger/blocks/" + head + "/inclusion-proof?leafCount=" + head).send(), 400, "invalid-range");
        assertProblem(http.get("/api/v1/ledger/blocks/0/inclusion-proof?leafCount=" + (head + 1000)).send(), 400, "invalid-range");
        Response zero = http.get("/api/v1/ledger/blocks/0/inclusion-proof?leafCount=0").send();
        assertProblem(zero, 400, "validation");
        assertThat(zero.json().path("errors").findValuesAsString("field")).containsExactly("leafCount");
    }

    private JsonNode proofOf(long height, long leafCount) {
        Response response = http.get("/api/v1/ledger/blocks/" + height + "/inclusion-proof?leafCount=" + leafCount).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> exportedHashes() {
        return http.get("/api/v1/ledger/blocks/export").send().body().lines()
                .map(line -> CanonicalJson.parse(line).path("hash").asString()).toList();
    }

    private static String flip(String hex) {
        return hex.substring(0, 63) + (hex.charAt(63) == '0' ? '1' : '0');
    }
}
