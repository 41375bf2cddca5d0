package io.hypermesh.ledger.block;

import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.protocol.ProofVerification;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the proof verifications of an append request — pure CPU, mostly Ed25519 — with at most {@code concurrentChecks}
 * of them at once across all requests: a crowd of request threads verifying together gains nothing and starves the
 * group-commit writer and its database session, which every append waits for.
 *
 * <p>Within that bound a batch is spread: the request's thread verifies operations one after the other, and while
 * verification slots are free, helper threads take the batch's next operations too, so that a batch of 20 waits for
 * about 20 ÷ slots signature checks instead of 20. A helper is started only when a slot is free at that moment, so
 * a request never waits for a slot on a helper's behalf, and every thread that verifies holds a slot.
 */
@Component
class ProofChecks implements DisposableBean {

    private final Semaphore slots;
    private final ExecutorService helpers;

    ProofChecks(LedgerProperties properties) {
        int bound = properties.append().concurrentChecksOrCores();
        this.slots = new Semaphore(bound);
        // Helpers hold slots, and only a request thread holding one starts a helper, so at most bound - 1 run at once:
        // a helper never waits for a thread longer than the previous one takes to finish (one slot: no helper ever runs).
        AtomicInteger named = new AtomicInteger();
        this.helpers = Executors.newFixedThreadPool(Math.max(1, bound - 1), task -> {
            Thread thread = new Thread(task, "ledger-proof-check-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The verification of each of {@code count} operations, in their order; {@code verification} is called once per
     * index, on this thread or a helper. A verification that throws is rethrown here, the lowest index first.
     */
    List<ProofVerification> verifyAll(int count, IntFunction<ProofVerification> verification) {
        ProofVerification[] results = new ProofVerification[count];
        RuntimeException[] failures = new RuntimeException[count];
        AtomicInteger next = new AtomicInteger();
        Runnable share = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = verification.apply(i);
                } catch (RuntimeException failure) {
                    failures[i] = failure;
                }
            }
        };
        slots.acquireUninterruptibly();
        CountDownLatch helpersDone;
        try {
            helpersDone = startHelpers(count - 1, share);
            share.run();
        } finally {
            slots.release();
        }
        // The helpers' last operations may still be running; their results are visible once they have counted down.
        try {
            helpersDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proofs were being verified", e);
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return Arrays.asList(results);
    }

    /** As many helpers as slots are free right now (at most {@code wanted}), each holding its slot while it works. */
    private CountDownLatch startHelpers(int wanted, Runnable share) {
        int started = 0;
        CountDownLatch done = new CountDownLatch(wanted);
        while (started < wanted && slots.tryAcquire()) {
            helpers.execute(() -> {
                try {
                    share.run();
                } finally {
                    slots.release();
                    done.countDown();
                }
            });
            started++;
        }
        for (int unused = started; unused < wanted; unused++) {
            done.countDown();
        }
        return done;
    }

    @Override
    public void destroy() {
        helpers.shutdown();
    }
}
