package io.hypermesh.ledger.block;

import io.hypermesh.ledger.block.BlockRepository.AppendKey;
import io.hypermesh.ledger.block.BlockRepository.AppendRecord;
import io.hypermesh.ledger.block.BlockRepository.GroupAppend;
import io.hypermesh.ledger.block.BlockRepository.NewAppendRecord;
import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.protocol.MerkleMountainRange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: request threads verify their proofs in parallel and queue the checked append (one operation, or a
 * batch that is appended all or none); one writer thread takes everything queued (up to the group bound, in blocks) and
 * decides it in one transaction while the next group queues up. It re-checks each append (a concurrent retry, the
 * anchor's age, replay — also against the earlier appends of the same group), gives the accepted ones consecutive
 * heights, and inserts them, their Merkle Mountain Range nodes and their idempotency records. Only after the commit
 * does any request get its answer, so a 201 always names a committed block, and one commit (one WAL flush) serves the
 * whole group: blocks per second can exceed commits per second.
 *
 * <p>The writer remembers the head and the range it last committed. A group in which every append is new is decided
 * against that and written in one round trip ({@link BlockRepository#appendIfHeadIs}), which writes nothing if another
 * instance has appended meanwhile or a key or proof of the group is stored already; such a group — and any group with
 * a refusal or a retry in it — is decided again the long way: in a transaction that takes the lock, reads the head,
 * the recorded keys and the used proofs, and then inserts.
 *
 * <p>Everything that could make one block's insert fail is checked before the insert, under the lock. Should the
 * group's transaction fail anyway, each append is retried alone in its own transaction, so one bad block cannot take
 * the others down; an append that fails alone is looked up once more before it is reported as failed, in case its
 * commit went through but the answer was lost.
 */
@Component
class GroupCommitAppender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitAppender.class);

    private final BlockRepository blocks;
    private final InclusionIndex inclusion;
    private final TransactionTemplate transactions;
    private final LedgerProperties properties;
    private final Clock clock;
    private final RecentBlocks recentBlocks;
    private final BlockingQueue<PendingAppend> queue;
    private final DistributionSummary groupSizes;
    private final Timer groupTransactions;
    private final Timer queueWaits;
    private final Counter rereads;
    private volatile boolean running;
    private Thread writer;
    /** What the last committed group left on top of the chain; null until known, and after any failure. Writer only. */
    private ChainTip tip;

    GroupCommitAppender(BlockRepository blocks, InclusionIndex inclusion, TransactionTemplate transactions,
            LedgerProperties properties, Clock clock, RecentBlocks recentBlocks, MeterRegistry meters) {
        this.blocks = blocks;
        this.recentBlocks = recentBlocks;
        this.inclusion = inclusion;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.append().queueCapacity());
        this.groupSizes = DistributionSummary.builder("ledger.append.group.size")
                .description("Blocks decided per group-commit transaction (a batch counts its blocks); the count is the number "
                        + "of commits")
                .register(meters);
        this.groupTransactions = Timer.builder("ledger.append.group.transaction")
                .description("One group's transaction, from waiting for the append lock to the durable commit")
                .register(meters);
        this.queueWaits = Timer.builder("ledger.append.queue.wait")
                .description("From an append joining the queue to its group's transaction starting")
                .register(meters);
        this.rereads = Counter.builder("ledger.append.group.rereads")
                .description("Groups decided again under the lock because the head had moved (another instance appended), the range lagged, or a "
                        + "key or proof of the group was stored already")
                .register(meters);
        Gauge.builder("ledger.append.queue", queue, BlockingQueue::size)
                .description("Checked appends waiting for the group-commit writer").register(meters);
    }

    /**
     * A checked append waiting for its group: one operation, or the operations of a batch (all or none); the future
     * completes after the group's commit.
     */
    private record PendingAppend(List<CheckedOperation> operations, boolean batch, AppendKey key, String requestDigest,
                                 long queuedAtNanos, CompletableFuture<BlockService.Appended> answer) {
    }

    /** The head the writer last committed and the Merkle Mountain Range of the blocks up to it. */
    private record ChainTip(Block head, long leafCount, List<String> peakHashes) {

        static ChainTip of(Block head, MerkleMountainRange range) {
            return new ChainTip(head, range.leafCount(), range.peakHashes());
        }

        MerkleMountainRange range() {
            return MerkleMountainRange.resume(leafCount, peakHashes);
        }
    }

    /**
     * Queues checked operations and waits until their group has committed: the blocks, the earlier blocks of a retry,
     * or the refusal (422 replay, reused key, stale anchor) decided under the lock; a refusal in a batch names the
     * operation's index. 503 when the queue is full.
     */
    BlockService.Appended append(List<CheckedOperation> operations, boolean batch, String caller, String idempotencyKey,
            String requestDigest) {
        PendingAppend pending = new PendingAppend(List.copyOf(operations), batch, new AppendKey(caller, idempotencyKey),
                requestDigest, System.nanoTime(), new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new AppendQueueFullException(running
                    ? properties.append().queueCapacity() + " appends are already waiting to be committed; retry with the "
                            + "same Idempotency-Key after " + AppendQueueFullException.RETRY_AFTER_SECONDS + " s."
                    : "The ledger is shutting down; retry with the same Idempotency-Key.");
        }
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void writeGroups() {
        while (running || !queue.isEmpty()) {
            PendingAppend first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first != null) {
                List<PendingAppend> group = new ArrayList<>();
                group.add(first);
                try {
                    commitGroup(group, true);
                } catch (RuntimeException | Error unexpected) {
                    // Whatever went wrong, no request may be left waiting for an answer that never comes.
                    log.error("The group-commit writer failed on a group of {} appends", group.size(), unexpected);
                    tip = null;
                    group.forEach(pending -> pending.answer().completeExceptionally(unexpected));
                }
            }
        }
        // Appends that slipped in while stopping: refuse them rather than leave their requests waiting.
        List<PendingAppend> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.answer().completeExceptionally(
                new AppendQueueFullException("The ledger is shutting down; retry with the same Idempotency-Key.")));
    }

    /**
     * Decides {@code group} in one transaction — with {@code fill}, after adding whatever else has queued — then
     * answers every request. On failure, retries each append on its own.
     */
    private void commitGroup(List<PendingAppend> group, boolean fill) {
        Decision decision;
        long started = System.nanoTime();
        try {
            if (fill) {
                fill(group);
                long decidingFrom = System.nanoTime();
                group.forEach(pending -> queueWaits.record(decidingFrom - pending.queuedAtNanos(), TimeUnit.NANOSECONDS));
            }
            decision = decideOnTip(group);
            if (decision == null) {
                decision = transactions.execute(status -> decideLocked(group));
            }
        } catch (RuntimeException failure) {
            tip = null;
            if (group.size() > 1) {
                log.warn("A group commit of {} appends failed; retrying each alone", group.size(), failure);
                group.forEach(pending -> commitGroup(new ArrayList<>(List.of(pending)), false));
            } else {
                answerAfterFailure(group.get(0), failure);
            }
            return;
        }
        tip = decision.tip();
        groupTransactions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        groupSizes.record(group.stream().mapToInt(pending -> pending.operations().size()).sum());
        recentBlocks.remember(decision.appended());
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), decision.outcomes().get(i));
        }
    }

    /** Adds queued appends to the group while it stays within the bound in blocks; a batch is never split. */
    private void fill(List<PendingAppend> group) {
        int size = group.stream().mapToInt(pending -> pending.operations().size()).sum();
        for (PendingAppend next = queue.peek(); next != null && size + next.operations().size() <= properties.append().maxGroupSize();
                next = queue.peek()) {
            group.add(queue.poll());
            size += next.operations().size();
        }
    }

    private static void complete(PendingAppend pending, Supplier<BlockService.Appended> outcome) {
        try {
            pending.answer().complete(outcome.get());
        } catch (RuntimeException refusal) {
            pending.answer().completeExceptionally(refusal);
        }
    }

    /**
     * An append whose own transaction failed: if its record exists after all (the commit went through, its answer
     * did not), it answers with that block; otherwise with the failure, nothing having been appended.
     */
    private void answerAfterFailure(PendingAppend pending, RuntimeException failure) {
        Optional<AppendRecord> committed;
        try {
            committed = blocks.findAppend(pending.key().caller(), pending.key().idempotencyKey());
        } catch (RuntimeException lookupFailure) {
            failure.addSuppressed(lookupFailure);
            pending.answer().completeExceptionally(failure);
            return;
        }
        if (committed.isPresent() && committed.get().requestDigest().equals(pending.requestDigest())) {
            pending.answer().complete(new BlockService.Appended(blocks.appendedBy(committed.get()), false));
        } else if (failure instanceof DuplicateKeyException) {
            // The lock makes this unreachable between ledger instances; the constraint still has the last word.
            pending.answer().completeExceptionally(ProofRejectedException.replayed());
        } else {
            pending.answer().completeExceptionally(failure);
        }
    }

    /**
     * What each append of a group gets, in queue order; the blocks, records and range nodes to insert; and the tip
     * they leave. {@code allNew}: every append of the group is new and accepted (no retry, no refusal).
     */
    private record Decision(List<Supplier<BlockService.Appended>> outcomes, List<Block> appended, List<NewAppendRecord> records,
                            List<MerkleMountainRange.Node> nodes, Instant decidedAt, ChainTip tip, boolean allNew) {
    }

    /**
     * The usual case in one round trip: every append of the group new, decided against the tip this writer committed
     * last. Null when the group must be decided under the lock instead: the tip is unknown, the group holds a retry or a
     * refusal, or the database reports that the head or the range moved or a key or proof is stored already (it then wrote nothing).
     */
    private Decision decideOnTip(List<PendingAppend> group) {
        ChainTip known = tip;
        if (known == null) {
            return null;
        }
        Decision decision = decide(group, new BlockRepository.LockedView(known.head(), Map.of(), Set.of()), known.range());
        if (!decision.allNew()) {
            return null;
        }
        if (blocks.appendIfHeadIs(known.head(), decision.appended(), decision.records(), decision.nodes(),
                decision.decidedAt()) == GroupAppend.APPENDED) {
            return decision;
        }
        rereads.increment();
        return null;
    }

    /**
     * Takes the append lock, reads the head, the group's recorded keys and used proofs, decides and inserts. Refusals
     * are decided here but thrown only when the answers are given, after the commit.
     */
    private Decision decideLocked(List<PendingAppend> group) {
        BlockRepository.LockedView chain = blocks.lockAndRead(group.stream().map(PendingAppend::key).distinct().toList(),
                group.stream().flatMap(pending -> pending.operations().stream()).map(CheckedOperation::bindingDigest)
                        .distinct().toList());
        Decision decision = decide(group, chain, inclusion.rangeAbove(chain.head().height()));
        if (!decision.appended().isEmpty()) {
            GroupAppend result = blocks.appendIfHeadIs(chain.head(), decision.appended(), decision.records(), decision.nodes(),
                    decision.decidedAt());
            if (result != GroupAppend.APPENDED) {
                throw new IllegalStateException("the chain changed while this transaction held the append lock: " + result);
            }
        }
        return decision;
    }

    /** Decides every append of the group against {@code chain}, adding the accepted blocks to {@code range}. */
    private Decision decide(List<PendingAppend> group, BlockRepository.LockedView chain, MerkleMountainRange range) {
        Map<AppendKey, AppendRecord> recorded = chain.recordedAppends();
        Block parent = chain.head();
        long headHeight = parent.height();
        // Block times never go backwards, even when instances' clocks disagree a little.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant timestamp = now.isBefore(parent.timestamp()) ? parent.timestamp() : now;

        List<Supplier<BlockService.Appended>> outcomes = new ArrayList<>(group.size());
        Map<AppendKey, Integer> firstOfKey = new HashMap<>();
        Set<String> bindingsInGroup = new HashSet<>();
        List<Block> appended = new ArrayList<>();
        List<NewAppendRecord> records = new ArrayList<>();
        List<MerkleMountainRange.Node> nodes = new ArrayList<>();
        boolean allNew = true;
        for (int i = 0; i < group.size(); i++) {
            PendingAppend pending = group.get(i);
            AppendRecord earlier = recorded.get(pending.key());
            Integer sameKeyInGroup = firstOfKey.putIfAbsent(pending.key(), i);
            if (earlier != null) {
                allNew = false;
                outcomes.add(earlier.requestDigest().equals(pending.requestDigest())
                        ? answer(new BlockService.Appended(blocks.appendedBy(earlier), false))
                        : refusal(IdempotencyKeyException::reused));
            } else if (sameKeyInGroup != null) {
                // A retry that caught up with its original in the queue: the original's outcome, as a replay.
                Supplier<BlockService.Appended> original = outcomes.get(sameKeyInGroup);
                boolean sameRequest = group.get(sameKeyInGroup).requestDigest().equals(pending.requestDigest());
                allNew &= sameRequest;
                outcomes.add(sameRequest
                        ? () -> new BlockService.Appended(original.get().blocks(), false)
                        : refusal(IdempotencyKeyException::reused));
            } else {
                Supplier<RuntimeException> refused = refusalOf(pending, headHeight, chain.usedBindings(), bindingsInGroup);
                if (refused != null) {
                    allNew = false;
                    outcomes.add(refusal(refused));
                    continue;
                }
                List<Block> made = new ArrayList<>(pending.operations().size());
                for (CheckedOperation operation : pending.operations()) {
                    Block block = operation.childOf(parent, timestamp);
                    made.add(block);
                    nodes.addAll(range.append(block.hash()));
                    parent = block;
                }
                appended.addAll(made);
                records.add(new NewAppendRecord(pending.key(), pending.requestDigest(), made.get(0).height(), made.size()));
                outcomes.add(answer(new BlockService.Appended(made, true)));
            }
        }
        return new Decision(outcomes, appended, records, nodes, now, ChainTip.of(parent, range), allNew);
    }

    /**
     * Why {@code pending} cannot go on top of a head at {@code headHeight} — an anchor now too old, a proof already in a
     * block or earlier in the group (or twice in the batch) — as a maker of fresh exceptions (one per answer, so a
     * racing retry is refused the same way), or null; the bindings of an accepted append join {@code bindingsInGroup}.
     */
    private Supplier<RuntimeException> refusalOf(PendingAppend pending, long headHeight, Set<String> usedBindings,
            Set<String> bindingsInGroup) {
        long maxAnchorAge = properties.proof().maxAnchorAgeBlocks();
        Set<String> own = new HashSet<>();
        for (CheckedOperation operation : pending.operations()) {
            Supplier<ProofRejectedException> refusal = null;
            if (operation.anchorTooOld(headHeight, maxAnchorAge)) {
                refusal = () -> operation.anchorTooOldRefusal(headHeight, maxAnchorAge);
            } else if (usedBindings.contains(operation.bindingDigest()) || bindingsInGroup.contains(operation.bindingDigest())
                    || !own.add(operation.bindingDigest())) {
                refusal = ProofRejectedException::replayed;
            }
            if (refusal != null) {
                Supplier<ProofRejectedException> part = refusal;
                return pending.batch() ? () -> part.get().at(operation.index()) : part::get;
            }
        }
        bindingsInGroup.addAll(own);
        return null;
    }

    private static Supplier<BlockService.Appended> answer(BlockService.Appended appended) {
        return () -> appended;
    }

    /** A refusal made when it is given, so that each request gets its own exception. */
    private static Supplier<BlockService.Appended> refusal(Supplier<? extends RuntimeException> exception) {
        return () -> {
            throw exception.get();
        };
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = new Thread(this::writeGroups, "ledger-group-commit");
        writer.start();
    }

    /** Stops taking appends, lets the writer commit what is queued, then ends it. */
    @Override
    public synchronized void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, which stops only once its requests have their answers. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
