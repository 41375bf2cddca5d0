package io.hypermesh.ledger.block;

import io.hypermesh.ledger.block.BlockRepository.AppendKey;
import io.hypermesh.ledger.block.BlockRepository.AppendRecord;
import io.hypermesh.ledger.block.BlockRepository.NewAppendRecord;
import io.hypermesh.ledger.config.LedgerProperties;
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
 * Group commit for single appends: request threads verify their proofs in parallel and queue the checked operation;
 * one writer thread takes everything queued (up to the group bound), opens a transaction and takes the chain-wide
 * append lock; while it commits, the next group queues up. In that one transaction it re-checks each
 * append (a concurrent retry, the anchor's age, replay — also against the earlier appends of the same group), gives
 * the accepted ones consecutive heights, inserts them, their Merkle Mountain Range nodes and their idempotency
 * records, and commits. Only then does any request get its answer, so a 201 always names a committed block, and one
 * commit (one WAL flush) serves the whole group: blocks per second can exceed commits per second.
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
    private volatile boolean running;
    private Thread writer;

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
                .description("Single appends decided per group-commit transaction; the count is the number of commits")
                .register(meters);
        this.groupTransactions = Timer.builder("ledger.append.group.transaction")
                .description("One group's transaction, from waiting for the append lock to the durable commit")
                .register(meters);
        Gauge.builder("ledger.append.queue", queue, BlockingQueue::size)
                .description("Checked appends waiting for the group-commit writer").register(meters);
    }

    /** One checked single append waiting for its group; the future completes after the group's commit. */
    private record PendingAppend(CheckedOperation operation, AppendKey key, String requestDigest,
                                 CompletableFuture<BlockService.Appended> answer) {
    }

    /**
     * Queues a checked append and waits until its group has committed: the block, the earlier block of a retry, or the
     * refusal (422 replay, reused key, stale anchor) decided under the lock. 503 when the queue is full.
     */
    BlockService.Appended append(CheckedOperation operation, String caller, String idempotencyKey, String requestDigest) {
        PendingAppend pending = new PendingAppend(operation, new AppendKey(caller, idempotencyKey), requestDigest,
                new CompletableFuture<>());
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
                queue.drainTo(group, properties.append().maxGroupSize() - group.size());
            }
            decision = transactions.execute(status -> decideLocked(group));
        } catch (RuntimeException failure) {
            if (group.size() > 1) {
                log.warn("A group commit of {} appends failed; retrying each alone", group.size(), failure);
                group.forEach(pending -> commitGroup(new ArrayList<>(List.of(pending)), false));
            } else {
                answerAfterFailure(group.get(0), failure);
            }
            return;
        }
        groupTransactions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        groupSizes.record(group.size());
        recentBlocks.remember(decision.appended());
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), decision.outcomes().get(i));
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

    /** What each append of a group gets, in queue order, and the blocks the group appended. */
    private record Decision(List<Supplier<BlockService.Appended>> outcomes, List<Block> appended) {
    }

    /**
     * Takes the append lock and decides what each append of the group gets. Refusals are decided here but thrown only
     * when the answers are given, after the commit.
     */
    private Decision decideLocked(List<PendingAppend> group) {
        BlockRepository.LockedView chain = blocks.lockAndRead(group.stream().map(PendingAppend::key).distinct().toList(),
                group.stream().map(p -> p.operation().bindingDigest()).distinct().toList());
        Map<AppendKey, AppendRecord> recorded = chain.recordedAppends();
        Set<String> usedBindings = chain.usedBindings();
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
        for (int i = 0; i < group.size(); i++) {
            PendingAppend pending = group.get(i);
            AppendRecord earlier = recorded.get(pending.key());
            Integer sameKeyInGroup = firstOfKey.putIfAbsent(pending.key(), i);
            if (earlier != null) {
                outcomes.add(earlier.requestDigest().equals(pending.requestDigest())
                        ? answer(new BlockService.Appended(blocks.appendedBy(earlier), false))
                        : refusal(IdempotencyKeyException::reused));
            } else if (sameKeyInGroup != null) {
                // A retry that caught up with its original in the queue: the original's outcome, as a replay.
                Supplier<BlockService.Appended> original = outcomes.get(sameKeyInGroup);
                outcomes.add(!group.get(sameKeyInGroup).requestDigest().equals(pending.requestDigest())
                        ? refusal(IdempotencyKeyException::reused)
                        : () -> new BlockService.Appended(original.get().blocks(), false));
            } else {
                CheckedOperation operation = pending.operation();
                try {
                    operation.refuseIfAnchorTooOld(headHeight, properties.proof().maxAnchorAgeBlocks());
                } catch (ProofRejectedException stale) {
                    // A fresh exception per answer: a racing retry of this append is refused the same way.
                    String detail = stale.getBody().getDetail();
                    outcomes.add(refusal(() -> new ProofRejectedException(ProofRejectedException.Reason.TIME, detail)));
                    continue;
                }
                if (usedBindings.contains(operation.bindingDigest()) || !bindingsInGroup.add(operation.bindingDigest())) {
                    outcomes.add(refusal(ProofRejectedException::replayed));
                    continue;
                }
                Block block = operation.childOf(parent, timestamp);
                appended.add(block);
                records.add(new NewAppendRecord(pending.key(), pending.requestDigest(), block.height(), 1));
                outcomes.add(answer(new BlockService.Appended(List.of(block), true)));
                parent = block;
            }
        }
        if (!appended.isEmpty()) {
            blocks.insertWithRecords(appended, records, inclusion.nodesFor(appended), now);
        }
        return new Decision(outcomes, appended);
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
