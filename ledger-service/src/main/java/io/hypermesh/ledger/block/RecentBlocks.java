package io.hypermesh.ledger.block;

import io.hypermesh.protocol.ProofVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The chain as the proof check before the append lock sees it, kept in memory so that checking a proof needs no
 * database round trip: the anchors of recent blocks, and the highest height this instance knows of. A stored block
 * never changes, so a remembered anchor stays true. The known head may lag behind appends by another instance; that
 * only makes the check before the lock more lenient about the anchor's age, and the writer repeats it against the
 * real head under the lock.
 */
@Component
class RecentBlocks implements ProofVerifier.Chain {

    /** Anchors kept; far more than the blocks an honest proof's anchor lags behind the head. */
    private static final int CAPACITY = 8192;

    private final BlockRepository blocks;
    private final Map<Long, ProofVerifier.AnchorBlock> anchors = new ConcurrentHashMap<>();
    private final AtomicLong knownHead = new AtomicLong(-1);

    RecentBlocks(BlockRepository blocks) {
        this.blocks = blocks;
    }

    @Override
    public Optional<ProofVerifier.AnchorBlock> blockAt(long height) {
        ProofVerifier.AnchorBlock anchor = anchors.get(height);
        if (anchor != null) {
            return Optional.of(anchor);
        }
        Optional<Block> stored = blocks.findByHeight(height);
        stored.ifPresent(block -> remember(List.of(block)));
        return stored.map(RecentBlocks::anchorOf);
    }

    @Override
    public long headHeight() {
        long head = knownHead.get();
        if (head < 0) {
            blocks.head().ifPresent(block -> remember(List.of(block)));
            head = knownHead.get();
        }
        return head;
    }

    /** Blocks that are committed (never ones whose transaction may still roll back). */
    void remember(List<Block> committed) {
        for (Block block : committed) {
            anchors.put(block.height(), anchorOf(block));
            knownHead.accumulateAndGet(block.height(), Math::max);
        }
        if (anchors.size() > CAPACITY) {
            long keepFrom = knownHead.get() - CAPACITY / 2;
            anchors.keySet().removeIf(height -> height < keepFrom);
        }
    }

    private static ProofVerifier.AnchorBlock anchorOf(Block block) {
        return new ProofVerifier.AnchorBlock(block.height(), block.hash(), block.timestamp());
    }
}
