package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ProofPart;
import io.hypermesh.protocol.ProofVerification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound on verifications at once, and a batch spread over the slots that are free. */
class ProofChecksTest {

    private final List<ProofChecks> made = new ArrayList<>();

    @AfterEach
    void stopHelpers() {
        made.forEach(ProofChecks::destroy);
    }

    @Test
    void shouldLetAHelperVerifyPartOfABatchWhileASlotIsFree() {
        ProofChecks checks = withSlots(2);
        // Operation 0 waits for operation 1: on one thread alone it would time out and come back failed.
        CountDownLatch secondVerified = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<ProofVerification> verifications = checks.verifyAll(2, i -> {
            threads.add(Thread.currentThread().getName());
            if (i == 1) {
                secondVerified.countDown();
                return ProofVerification.valid();
            }
            return awaited(secondVerified) ? ProofVerification.valid() : ProofVerification.failed(ProofPart.STAKE, "alone");
        });

        assertThat(verifications).containsExactly(ProofVerification.valid(), ProofVerification.valid());
        assertThat(threads).contains(Thread.currentThread().getName()).anyMatch(name -> name.startsWith("ledger-proof-check-"));
    }

    @Test
    void shouldVerifyEveryOperationOnTheRequestThreadWithOneSlot() {
        ProofChecks checks = withSlots(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();

        List<ProofVerification> verifications = checks.verifyAll(5, i -> {
            threads.add(Thread.currentThread().getName());
            return ProofVerification.failed(ProofPart.WORK, "operation " + i);
        });

        assertThat(verifications).extracting(ProofVerification::reason)
                .containsExactly("operation 0", "operation 1", "operation 2", "operation 3", "operation 4");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void shouldNeverVerifyMoreAtOnceThanTheSlotsAcrossRequests() throws Exception {
        ProofChecks checks = withSlots(2);
        // The work each verification does is a real signature check, the work the bound is for.
        Ed25519.Signer signer = Ed25519.generate();
        byte[] message = "operation digest".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService requests = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<ProofVerification>>> answers = new ArrayList<>();
            for (int request = 0; request < 6; request++) {
                int requestNumber = request;
                answers.add(requests.submit(() -> checks.verifyAll(40, i -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    boolean signed = Ed25519.verify(signer.publicKey(), message, signature);
                    running.decrementAndGet();
                    return signed ? ProofVerification.failed(ProofPart.TIME, requestNumber + "/" + i)
                            : ProofVerification.failed(ProofPart.STAKE, "the signature did not verify");
                })));
            }
            for (int request = 0; request < answers.size(); request++) {
                int requestNumber = request;
                assertThat(answers.get(request).get(30, TimeUnit.SECONDS)).extracting(ProofVerification::reason)
                        .containsExactlyElementsOf(IntStream.range(0, 40).mapToObj(i -> requestNumber + "/" + i).toList());
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(mostAtOnce.get()).isBetween(1, 2);
    }

    @Test
    void shouldRethrowTheFailureOfTheLowestIndexAfterEveryVerificationHasEnded() {
        ProofChecks checks = withSlots(2);
        AtomicInteger verified = new AtomicInteger();

        assertThatThrownBy(() -> checks.verifyAll(8, i -> {
            verified.incrementAndGet();
            if (i == 3 || i == 5) {
                throw new IllegalStateException("operation " + i);
            }
            return ProofVerification.valid();
        })).isInstanceOf(IllegalStateException.class).hasMessage("operation 3");
        assertThat(verified).hasValue(8);
    }

    private ProofChecks withSlots(int slots) {
        ProofChecks checks = new ProofChecks(new LedgerProperties("test-chain", 65536,
                new LedgerProperties.Proof(8, Map.of(), Duration.ofSeconds(30), 1000, Map.of()),
                new LedgerProperties.Append(1024, 256, slots)));
        made.add(checks);
        return checks;
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
