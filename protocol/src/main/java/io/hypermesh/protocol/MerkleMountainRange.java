package io.hypermesh.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle Mountain Range over block hashes, leaf {@code i} being block {@code i} (docs/protocol.md §6):
 *
 * <pre>
 * leaf  = SHA-256(0x00 ‖ block hash)                      32 raw bytes of the block hash
 * node  = SHA-256(0x01 ‖ left ‖ right)
 * root  = SHA-256("hypermesh-mmr:v1" ‖ i64(leaf count) ‖ peak ‖ ... ‖ peak)   peaks left (oldest) to right
 * </pre>
 *
 * The leaves form one perfect binary tree ("mountain") per set bit of the leaf count, largest first. A node
 * is named by its level (0 for leaves) and its position within the level: node (l, p) covers leaves
 * {@code p·2^l} to {@code (p+1)·2^l − 1}, and its children are (l−1, 2p) and (l−1, 2p+1). Appending never
 * changes an existing node, so a node once computed is valid for every later size.
 *
 * <p>An instance is a streaming builder that keeps only the peaks: O(log n) memory for any chain.
 */
public final class MerkleMountainRange {

    public static final String ROOT_DOMAIN = "hypermesh-mmr:v1";
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** A node of the range: its level (0 = leaf), its position within that level and its hash (64 lowercase hex). */
    public record Node(int level, long position, String hash) {
    }

    /** The peak node of the mountain holding a leaf, and the mountain's index among the peaks (0 = leftmost). */
    public record Mountain(int index, int level, long position, long firstLeaf) {
    }

    private final List<Node> peaks = new ArrayList<>();
    private long leafCount;

    public MerkleMountainRange() {
    }

    /** Resumes a range of {@code leafCount} leaves from its peaks (left to right), e.g. as stored by a ledger. */
    public static MerkleMountainRange resume(long leafCount, List<String> peakHashes) {
        List<Node> expected = peaks(leafCount);
        if (peakHashes.size() != expected.size()) {
            throw new IllegalArgumentException("a range of " + leafCount + " leaves has " + expected.size() + " peaks, not "
                    + peakHashes.size());
        }
        MerkleMountainRange range = new MerkleMountainRange();
        for (int i = 0; i < expected.size(); i++) {
            Layout.digestBytes(peakHashes.get(i));
            range.peaks.add(new Node(expected.get(i).level(), expected.get(i).position(), peakHashes.get(i)));
        }
        range.leafCount = leafCount;
        return range;
    }

    /** Adds the next block's hash as a leaf; returns the nodes this created, the leaf first, then each new parent. */
    public List<Node> append(String blockHash) {
        List<Node> created = new ArrayList<>(2);
        Node node = new Node(0, leafCount, Layout.hex(leafHash(Layout.digestBytes(blockHash))));
        created.add(node);
        while (!peaks.isEmpty() && peaks.get(peaks.size() - 1).level() == node.level()) {
            Node left = peaks.remove(peaks.size() - 1);
            node = new Node(node.level() + 1, node.position() >>> 1,
                    Layout.hex(nodeHash(Layout.digestBytes(left.hash()), Layout.digestBytes(node.hash()))));
            created.add(node);
        }
        peaks.add(node);
        leafCount++;
        return created;
    }

    public long leafCount() {
        return leafCount;
    }

    /** The peak hashes, left (oldest leaves) to right. */
    public List<String> peakHashes() {
        return peaks.stream().map(Node::hash).toList();
    }

    /** The root over the current peaks; see {@link #root(long, List)}. */
    public String root() {
        return root(leafCount, peakHashes());
    }

    public static byte[] leafHash(byte[] blockHash) {
        return Digests.sha256(prefixed(LEAF, blockHash));
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        if (left.length != 32 || right.length != 32) {
            throw new IllegalArgumentException("a child hash is exactly 32 bytes");
        }
        byte[] input = new byte[65];
        input[0] = NODE;
        System.arraycopy(left, 0, input, 1, 32);
        System.arraycopy(right, 0, input, 33, 32);
        return Digests.sha256(input);
    }

    /** SHA-256("hypermesh-mmr:v1" ‖ i64(leaf count) ‖ peaks left to right), 64 lowercase hex characters. */
    public static String root(long leafCount, List<String> peakHashes) {
        if (leafCount < 1) {
            throw new IllegalArgumentException("a range has at least one leaf");
        }
        Layout layout = Layout.tagged(ROOT_DOMAIN).int64(leafCount);
        for (String peak : peakHashes) {
            layout.digest(peak);
        }
        return Digests.sha256Hex(layout.bytes());
    }

    /** How many nodes (leaves and parents) a range of {@code leafCount} leaves has: 2n − popcount(n). */
    public static long nodeCount(long leafCount) {
        return 2 * leafCount - Long.bitCount(leafCount);
    }

    /** Where the peaks of a range of {@code leafCount} leaves are, left to right (their hashes are not known here). */
    public static List<Node> peaks(long leafCount) {
        if (leafCount < 1) {
            throw new IllegalArgumentException("a range has at least one leaf");
        }
        List<Node> peaks = new ArrayList<>();
        long firstLeaf = 0;
        for (int level = 62; level >= 0; level--) {
            if ((leafCount & (1L << level)) != 0) {
                peaks.add(new Node(level, firstLeaf >>> level, null));
                firstLeaf += 1L << level;
            }
        }
        return peaks;
    }

    /** The mountain that holds {@code leafIndex} in a range of {@code leafCount} leaves. */
    public static Mountain mountainOf(long leafIndex, long leafCount) {
        if (leafIndex < 0 || leafIndex >= leafCount) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a range of " + leafCount + " leaves");
        }
        List<Node> peaks = peaks(leafCount);
        long firstLeaf = 0;
        for (int i = 0; i < peaks.size(); i++) {
            long size = 1L << peaks.get(i).level();
            if (leafIndex < firstLeaf + size) {
                return new Mountain(i, peaks.get(i).level(), peaks.get(i).position(), firstLeaf);
            }
            firstLeaf += size;
        }
        throw new IllegalStateException("unreachable: the mountains cover every leaf");
    }

    /** The siblings on the way from a leaf up to its mountain's peak, lowest first, as (level, position). */
    public static List<Node> pathOf(long leafIndex, long leafCount) {
        Mountain mountain = mountainOf(leafIndex, leafCount);
        List<Node> path = new ArrayList<>(mountain.level());
        for (int level = 0; level < mountain.level(); level++) {
            path.add(new Node(level, (leafIndex >>> level) ^ 1, null));
        }
        return path;
    }

    private static byte[] prefixed(byte prefix, byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a block hash is exactly 32 bytes");
        }
        byte[] input = new byte[33];
        input[0] = prefix;
        System.arraycopy(hash, 0, input, 1, 32);
        return input;
    }

    @Override
    public String toString() {
        return "MerkleMountainRange[" + leafCount + " leaves, root " + (leafCount == 0 ? "none" : root()) + "]";
    }
}
