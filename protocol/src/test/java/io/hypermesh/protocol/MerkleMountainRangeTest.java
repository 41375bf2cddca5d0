package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleMountainRangeTest {

    /** The block hashes of the spec's vectors 1-3 (docs/protocol.md §5). */
    static final List<String> VECTOR_BLOCKS = List.of(
            "fa9a6a939fa1613f092521889200c149b0dd9470710a29847bc46dd4cdc87b72",
            "f27a86c8a6699de99ba70a792531805286ec66f2e35f77db26acb10174334459",
            "f00a3997f0b3c9321930e518cca180b3f65154daeb244f720d29022ee2863a10");

    @Test
    void shouldMatchTheWorkedExampleOfTheSpec() {
        MerkleMountainRange range = new MerkleMountainRange();
        VECTOR_BLOCKS.forEach(range::append);

        assertThat(range.leafCount()).isEqualTo(3);
        assertThat(MerkleMountainRange.nodeCount(3)).isEqualTo(4);
        assertThat(Layout.hex(MerkleMountainRange.leafHash(Layout.digestBytes(VECTOR_BLOCKS.get(0)))))
                .isEqualTo(SpecExample.LEAF_0);
        assertThat(Layout.hex(MerkleMountainRange.leafHash(Layout.digestBytes(VECTOR_BLOCKS.get(1)))))
                .isEqualTo(SpecExample.LEAF_1);
        assertThat(range.peakHashes()).containsExactly(SpecExample.NODE_1_0, SpecExample.LEAF_2);
        assertThat(range.root()).isEqualTo(SpecExample.ROOT);

        InclusionProof proof = new InclusionProof(1, 3, List.of(SpecExample.LEAF_0), List.of(SpecExample.NODE_1_0, SpecExample.LEAF_2),
                SpecExample.ROOT);
        assertThat(proof.verify(VECTOR_BLOCKS.get(1), SpecExample.ROOT).valid()).isTrue();
    }

    @Test
    void shouldProveEveryLeafOfEveryRangeUpToFortyLeaves() {
        List<String> blocks = blockHashes(40);
        for (int size = 1; size <= blocks.size(); size++) {
            Store store = Store.of(blocks.subList(0, size));
            for (int leaf = 0; leaf < size; leaf++) {
                InclusionProof proof = store.proof(leaf);
                InclusionProof.Verification verification = proof.verify(blocks.get(leaf), store.range.root());
                assertThat(verification.valid()).as("leaf %d of %d: %s", leaf, size, verification.reason()).isTrue();
            }
        }
    }

    @Test
    void shouldResumeFromStoredPeaksToTheSameRoot() {
        List<String> blocks = blockHashes(13);
        MerkleMountainRange whole = Store.of(blocks).range;
        MerkleMountainRange first = Store.of(blocks.subList(0, 6)).range;

        MerkleMountainRange resumed = MerkleMountainRange.resume(6, first.peakHashes());
        blocks.subList(6, 13).forEach(resumed::append);

        assertThat(resumed.root()).isEqualTo(whole.root());
        assertThatThrownBy(() -> MerkleMountainRange.resume(7, first.peakHashes())).hasMessageContaining("3 peaks");
    }

    @Test
    void shouldRefuseATamperedProof() {
        List<String> blocks = blockHashes(11);
        Store store = Store.of(blocks);
        InclusionProof good = store.proof(5);
        String trusted = store.range.root();
        assertThat(good.verify(blocks.get(5), trusted).valid()).isTrue();

        List<String> flippedPath = new ArrayList<>(good.path());
        flippedPath.set(1, flip(flippedPath.get(1)));
        List<String> flippedPeaks = new ArrayList<>(good.peaks());
        flippedPeaks.set(2, flip(flippedPeaks.get(2)));
        List<String> swappedPath = new ArrayList<>(good.path());
        java.util.Collections.swap(swappedPath, 0, 1);

        assertThat(good.verify(blocks.get(6), trusted).reason()).contains("does not lead");
        assertThat(good.verify(flip(blocks.get(5)), trusted).reason()).contains("does not lead");
        assertThat(with(good, 4, good.leafCount(), good.path(), good.peaks(), good.root()).verify(blocks.get(5), trusted).reason())
                .contains("does not lead");
        assertThat(with(good, 5, 12, good.path(), good.peaks(), good.root()).verify(blocks.get(5), trusted).reason())
                .contains("peaks");
        assertThat(with(good, 5, good.leafCount(), flippedPath, good.peaks(), good.root()).verify(blocks.get(5), trusted).reason())
                .contains("does not lead");
        assertThat(with(good, 5, good.leafCount(), swappedPath, good.peaks(), good.root()).verify(blocks.get(5), trusted).reason())
                .contains("does not lead");
        assertThat(with(good, 5, good.leafCount(), good.path().subList(0, 1), good.peaks(), good.root()).verify(blocks.get(5), trusted)
                .reason()).contains("levels below its peak");
        assertThat(with(good, 5, good.leafCount(), good.path(), flippedPeaks, good.root()).verify(blocks.get(5), trusted).reason())
                .contains("do not bag");
        // A proof rebuilt consistently over a forged chain bags into its own root, which is not the trusted one.
        List<String> forged = new ArrayList<>(blocks);
        forged.set(9, flip(forged.get(9)));
        InclusionProof consistentForgery = Store.of(forged).proof(5);
        assertThat(consistentForgery.verify(blocks.get(5), null).valid()).isTrue();
        assertThat(consistentForgery.verify(blocks.get(5), trusted).reason()).contains("not the trusted root");
        assertThat(with(good, 11, 11, good.path(), good.peaks(), good.root()).verify(blocks.get(5), trusted).reason())
                .contains("not in a range");
    }

    @Test
    void shouldRoundTripThroughJson() {
        List<String> blocks = blockHashes(7);
        InclusionProof proof = Store.of(blocks).proof(2);

        InclusionProof read = InclusionProof.fromJson(CanonicalJson.parse(CanonicalJson.canonicalString(proof.toJson())));

        assertThat(read).isEqualTo(proof);
        assertThatThrownBy(() -> InclusionProof.fromJson(CanonicalJson.parse("{\"leafIndex\":1}")))
                .hasMessageContaining("leafCount");
    }

    private static InclusionProof with(InclusionProof proof, long leafIndex, long leafCount, List<String> path, List<String> peaks,
            String root) {
        return new InclusionProof(leafIndex, leafCount, path, peaks, root);
    }

    static List<String> blockHashes(int count) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(Digests.sha256Hex(("block " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    private static String flip(String hex) {
        char last = hex.charAt(63);
        return hex.substring(0, 63) + (last == '0' ? '1' : '0');
    }

    /** Every node the range created, by (level, position), as a ledger stores them. */
    private record Store(MerkleMountainRange range, Map<String, String> nodes) {

        static Store of(List<String> blocks) {
            MerkleMountainRange range = new MerkleMountainRange();
            Map<String, String> nodes = new HashMap<>();
            for (String block : blocks) {
                range.append(block).forEach(node -> nodes.put(node.level() + "/" + node.position(), node.hash()));
            }
            return new Store(range, nodes);
        }

        InclusionProof proof(long leaf) {
            long size = range.leafCount();
            List<String> path = MerkleMountainRange.pathOf(leaf, size).stream().map(n -> nodes.get(n.level() + "/" + n.position())).toList();
            List<String> peaks = MerkleMountainRange.peaks(size).stream().map(n -> nodes.get(n.level() + "/" + n.position())).toList();
            return new InclusionProof(leaf, size, path, peaks, MerkleMountainRange.root(size, peaks));
        }
    }

    /** The hashes of docs/protocol.md §6.3, computed independently (Python hashlib) and pinned here. */
    private static final class SpecExample {
        static final String LEAF_0 = "fae6b27adcac4a5b7e694daebe8078d4099ac9b64859ac0480eea3e18a38a0fc";
        static final String LEAF_1 = "b1c4225b5074f455866c73c570520580d6cdd05dcc63a86aa979ac736e4f722f";
        static final String LEAF_2 = "7a0f177410915309ea6f3bbbfc421bd23f53b9371763b70d23954bac18d97525";
        static final String NODE_1_0 = "cf5304eb91863fbb4ce5a73f26e1be3304e100aeff7830937f9539da5231dd9a";
        static final String ROOT = "e51ceec24e5d0536b2be41bc0babc120c3a579b33669aa45c39104a516d4e2ad";
    }
}
