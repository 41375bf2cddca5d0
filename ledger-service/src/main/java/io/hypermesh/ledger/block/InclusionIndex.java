package io.hypermesh.ledger.block;

import io.hypermesh.protocol.MerkleMountainRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Merkle Mountain Range over block hashes, kept in {@code mmr_nodes} in step with the chain: every append
 * inserts its leaves and the parents they complete with its blocks, in its own transaction, under the append lock, so
 * the range always covers exactly blocks 0 to the head. Blocks stored before the range existed are added at
 * start-up, and also by the next append should an index ever lag behind.
 */
@Component
class InclusionIndex implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InclusionIndex.class);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final BlockRepository blocks;
    private final TransactionTemplate transactions;

    InclusionIndex(JdbcClient jdbc, BlockRepository blocks, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.transactions = transactions;
    }

    /** The evidence for one height against the range as it stands now (its leaf count is the head height + 1). */
    record Evidence(long leafCount, List<String> path, List<String> peaks, MerkleMountainRange.Mountain mountain) {
    }

    /** Runs after GENESIS exists (GenesisBlock is an earlier singleton) and before the server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            blocks.lockAppends();
            long head = blocks.head().map(Block::height).orElse(-1L);
            long added = catchUp(head);
            if (added > 0) {
                log.info("Added {} blocks to the inclusion index (Merkle Mountain Range); it now covers heights 0..{}", added, head);
            }
        });
    }

    /**
     * The range of blocks 0 to {@code head}, to which the blocks appended above it are added ({@link
     * MerkleMountainRange#append} gives the nodes to insert with them). Must run in the append's transaction while it
     * holds the append lock; an index that lags behind the chain is caught up first.
     */
    MerkleMountainRange rangeAbove(long head) {
        long leafCount = head + 1;
        return rangeIfInStep(leafCount).orElseGet(() -> {
            catchUp(head);
            return rangeOf(leafCount);
        });
    }

    /**
     * The range of the first {@code leafCount} blocks in one round trip (it runs under the append lock), provided the
     * index has exactly that many leaves — the usual case, as every append extends it in its own transaction.
     */
    private Optional<MerkleMountainRange> rangeIfInStep(long leafCount) {
        List<MerkleMountainRange.Node> peaks = MerkleMountainRange.peaks(leafCount);
        Map<String, String> hashes = new HashMap<>();
        long[] storedLeaves = {-1};
        jdbc.sql("select level, position, hash from mmr_nodes where (level, position) in (" + pairsOf(peaks) + ")"
                        + " union all select -1, coalesce(max(position) + 1, 0), null from mmr_nodes where level = 0")
                .query(row -> {
                    if (row.getInt("level") < 0) {
                        storedLeaves[0] = row.getLong("position");
                    } else {
                        hashes.put(key(row.getInt("level"), row.getLong("position")), row.getString("hash"));
                    }
                });
        if (storedLeaves[0] != leafCount) {
            return Optional.empty();
        }
        return Optional.of(MerkleMountainRange.resume(leafCount, hashesOf(peaks, hashes)));
    }

    /** Leaves for every block up to {@code head} that the range lacks; how many were added. Needs the append lock. */
    private long catchUp(long head) {
        long leaves = leafCount();
        long added = 0;
        while (leaves <= head) {
            MerkleMountainRange range = rangeOf(leaves);
            List<MerkleMountainRange.Node> created = new ArrayList<>();
            for (Block block : blocks.range(leaves, Math.min(head, leaves + PAGE - 1))) {
                created.addAll(range.append(block.hash()));
            }
            insert(created);
            added += range.leafCount() - leaves;
            leaves = range.leafCount();
        }
        return added;
    }

    /** How many leaves the range has: one per block it covers. */
    long leafCount() {
        return jdbc.sql("select coalesce(max(position) + 1, 0) from mmr_nodes where level = 0").query(Long.class).single();
    }

    Evidence evidence(long height, long leafCount) {
        List<MerkleMountainRange.Node> path = MerkleMountainRange.pathOf(height, leafCount);
        List<MerkleMountainRange.Node> peaks = MerkleMountainRange.peaks(leafCount);
        List<MerkleMountainRange.Node> wanted = new ArrayList<>(path);
        wanted.addAll(peaks);
        Map<String, String> hashes = lookup(wanted);
        return new Evidence(leafCount, hashesOf(path, hashes), hashesOf(peaks, hashes),
                MerkleMountainRange.mountainOf(height, leafCount));
    }

    private MerkleMountainRange rangeOf(long leafCount) {
        if (leafCount == 0) {
            return new MerkleMountainRange();
        }
        List<MerkleMountainRange.Node> peaks = MerkleMountainRange.peaks(leafCount);
        return MerkleMountainRange.resume(leafCount, hashesOf(peaks, lookup(peaks)));
    }

    private List<String> hashesOf(List<MerkleMountainRange.Node> nodes, Map<String, String> hashes) {
        return nodes.stream().map(node -> {
            String hash = hashes.get(key(node.level(), node.position()));
            if (hash == null) {
                throw new IllegalStateException("the inclusion index has no node at level " + node.level() + ", position "
                        + node.position());
            }
            return hash;
        }).toList();
    }

    private Map<String, String> lookup(List<MerkleMountainRange.Node> nodes) {
        if (nodes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("select level, position, hash from mmr_nodes where (level, position) in (" + pairsOf(nodes) + ")")
                .query(row -> {
                    hashes.put(key(row.getInt("level"), row.getLong("position")), row.getString("hash"));
                });
        return hashes;
    }

    /** Levels and positions are numbers this class computed, never client text, so they are inlined. */
    private static String pairsOf(List<MerkleMountainRange.Node> nodes) {
        return nodes.stream().map(node -> "(" + node.level() + ", " + node.position() + ")").collect(Collectors.joining(", "));
    }

    private void insert(List<MerkleMountainRange.Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into mmr_nodes (level, position, hash) values ");
        List<Object> parameters = new ArrayList<>(nodes.size() * 3);
        for (int i = 0; i < nodes.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
            parameters.add((short) nodes.get(i).level());
            parameters.add(nodes.get(i).position());
            parameters.add(nodes.get(i).hash());
        }
        jdbc.sql(sql.toString()).params(parameters).update();
    }

    private static String key(int level, long position) {
        return level + "/" + position;
    }
}
