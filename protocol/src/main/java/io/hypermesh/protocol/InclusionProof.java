package io.hypermesh.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence that a block is leaf {@code leafIndex} of the Merkle Mountain Range of {@code leafCount} block
 * hashes whose root is {@code root} (docs/protocol.md §6): the sibling hashes from the leaf up to its
 * mountain's peak, lowest first, and every peak of the range, left to right. Which side each sibling is on
 * is not sent; the verifier derives it from {@code leafIndex}, so a proof cannot move a block to another height.
 *
 * <p>Verifying needs a root the client trusts for that leaf count — one it computed itself from an export
 * ({@code hypermesh verify} prints it), recorded earlier, or compared with other observers. Checking the
 * proof against its own {@code root} only shows it is consistent, not that the ledger is honest.
 */
public record InclusionProof(long leafIndex, long leafCount, List<String> path, List<String> peaks, String root) {

    /** Valid, or why not. */
    public record Verification(boolean valid, String reason) {

        static Verification failed(String reason) {
            return new Verification(false, reason);
        }
    }

    public InclusionProof {
        path = List.copyOf(path);
        peaks = List.copyOf(peaks);
    }

    /**
     * Recomputes the leaf from {@code blockHash}, climbs the path to a peak, checks it is the peak of the
     * mountain that holds {@code leafIndex}, bags the peaks into the root and compares it with {@code root} and,
     * when given, with {@code trustedRoot}.
     */
    public Verification verify(String blockHash, String trustedRoot) {
        if (!Layout.isDigestHex(blockHash)) {
            return Verification.failed("the block hash must be 64 lowercase hex characters");
        }
        if (leafCount < 1 || leafIndex < 0 || leafIndex >= leafCount) {
            return Verification.failed("leafIndex " + leafIndex + " is not in a range of " + leafCount + " leaves");
        }
        if (!Layout.isDigestHex(root) || path.stream().anyMatch(h -> !Layout.isDigestHex(h))
                || peaks.stream().anyMatch(h -> !Layout.isDigestHex(h))) {
            return Verification.failed("every hash in the proof must be 64 lowercase hex characters");
        }
        MerkleMountainRange.Mountain mountain = MerkleMountainRange.mountainOf(leafIndex, leafCount);
        int expectedPeaks = Long.bitCount(leafCount);
        if (peaks.size() != expectedPeaks) {
            return Verification.failed("a range of " + leafCount + " leaves has " + expectedPeaks + " peaks, the proof has " + peaks.size());
        }
        if (path.size() != mountain.level()) {
            return Verification.failed("leaf " + leafIndex + " is " + mountain.level() + " levels below its peak, the path has "
                    + path.size() + " hashes");
        }
        byte[] node = MerkleMountainRange.leafHash(Layout.digestBytes(blockHash));
        long index = leafIndex;
        for (String sibling : path) {
            byte[] other = Layout.digestBytes(sibling);
            node = (index & 1) == 0 ? MerkleMountainRange.nodeHash(node, other) : MerkleMountainRange.nodeHash(other, node);
            index >>>= 1;
        }
        if (!Layout.hex(node).equals(peaks.get(mountain.index()))) {
            return Verification.failed("the path does not lead from the block to peak " + mountain.index());
        }
        String computed = MerkleMountainRange.root(leafCount, peaks);
        if (!computed.equals(root)) {
            return Verification.failed("the peaks do not bag into the proof's root");
        }
        if (trustedRoot != null && !trustedRoot.equals(root)) {
            return Verification.failed("the proof's root is not the trusted root for " + leafCount + " leaves");
        }
        return new Verification(true, null);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("leafIndex", leafIndex);
        json.put("leafCount", leafCount);
        path.forEach(json.putArray("path")::add);
        peaks.forEach(json.putArray("peaks")::add);
        json.put("root", root);
        return json;
    }

    /** Reads the members above from a JSON object (others, such as the ledger's extra context, are ignored). */
    public static InclusionProof fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an inclusion proof is a JSON object");
        }
        return new InclusionProof(integer(json, "leafIndex"), integer(json, "leafCount"), strings(json, "path"),
                strings(json, "peaks"), string(json, "root"));
    }

    private static long integer(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return node.longValue();
    }

    private static String string(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return node.stringValue();
    }

    private static List<String> strings(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(name + " must be an array of hashes");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                throw new IllegalArgumentException(name + " must be an array of hashes");
            }
            values.add(element.stringValue());
        }
        return values;
    }
}
