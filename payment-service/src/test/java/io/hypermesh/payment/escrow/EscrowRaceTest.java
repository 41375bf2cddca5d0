package io.hypermesh.payment.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.MutableClock;
import io.hypermesh.payment.PaymentServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settle, release, a retried settle and the expiry job fired at the same hold at the same moment:
 * exactly one closes it, the others are told it is closed (or that the same key is still in flight),
 * and every micro-CAES is where the winner put it.
 */
class EscrowRaceTest extends PaymentServiceTest {

    private static final int SETTLE_RELEASE_ROUNDS = 25;
    private static final int RELEASE_EXPIRY_ROUNDS = 15;
    private static final long HOLD = 10_000;
    // 10 core-seconds at 100 µCAES = 1,000; done in 1 s of a quoted 60: bonus 100; fee 5 % = 50.
    private static final long HOST_EARNS = 1_100;
    private static final long SETTLED_COSTS_CLIENT = 1_150;

    private final String service = executionServiceToken();
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EscrowService escrows;

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void shouldLetExactlyOneOfSettleAndReleaseWinEveryRaceAndConserveMoney() throws Exception {
        String client = fundedIdentity(CAES);
        String host = freshIdentity();
        long mintedBefore = http.get("/api/v1/payments/supply").send().json().path("minted").asLong();
        int settledCount = 0;

        for (int round = 0; round < SETTLE_RELEASE_ROUNDS; round++) {
            String escrowId = heldEscrow(service, client, HOLD);
            String settleKey = newKey();
            List<Map<String, Object>> hosts = List.of(hostReport(host, 10, true, 1));
            List<Response> answers = race(
                    () -> settle(service, escrowId, hosts, settleKey),
                    () -> release(service, escrowId, newKey()),
                    () -> settle(service, escrowId, hosts, settleKey));
            Response settled = answers.get(0);
            Response released = answers.get(1);
            Response retried = answers.get(2);

            boolean settleWon = settled.status() == 201 && settled.header("Idempotent-Replayed") == null;
            boolean retryWon = retried.status() == 201 && retried.header("Idempotent-Replayed") == null;
            boolean releaseWon = released.status() == 201;
            assertThat(List.of(settleWon || retryWon, releaseWon)).as("round %d: %s / %s / %s", round, settled.body(),
                    released.body(), retried.body()).containsExactlyInAnyOrder(true, false);
            assertThat(settleWon && retryWon).isFalse();
            if (releaseWon) {
                assertProblem(settled, 409, settled.json().path("type").asString().endsWith("in-flight") ? "idempotency-in-flight" : "escrow-closed");
                assertProblem(retried, 409, retried.json().path("type").asString().endsWith("in-flight") ? "idempotency-in-flight" : "escrow-closed");
            } else {
                settledCount++;
                assertProblem(released, 409, "escrow-closed");
                Response other = settleWon ? retried : settled;
                Response winner = settleWon ? settled : retried;
                if (other.status() == 201) {
                    assertThat(other.header("Idempotent-Replayed")).isEqualTo("true");
                    assertThat(other.body()).isEqualTo(winner.body());
                } else {
                    assertProblem(other, 409, "idempotency-in-flight");
                }
            }
            assertThat(closingPostings(escrowId)).as("round %d", round).isEqualTo(1);
        }

        assertThat(balance(client)).isEqualTo(CAES - settledCount * SETTLED_COSTS_CLIENT);
        assertThat(balance(host)).isEqualTo(settledCount * HOST_EARNS);
        assertMoneyConserved(mintedBefore);
    }

    @Test
    void shouldLetExactlyOneOfReleaseAndExpiryWinEveryRace() throws Exception {
        String client = fundedIdentity(CAES);
        long mintedBefore = http.get("/api/v1/payments/supply").send().json().path("minted").asLong();
        List<String> holds = new ArrayList<>();
        for (int round = 0; round < RELEASE_EXPIRY_ROUNDS; round++) {
            holds.add(heldEscrow(service, client, HOLD));
        }
        clock.advance(Duration.ofSeconds(60).plus(Duration.ofHours(1)));

        for (String escrowId : holds) {
            List<Object> answers = race(() -> release(service, escrowId, newKey()), () -> escrows.expireOverdue());
            Response released = (Response) answers.get(0);
            String status = http.get("/api/v1/payments/escrows/" + escrowId).bearer(service).send().json().path("status").asString();
            if (released.status() == 201) {
                assertThat(status).isEqualTo("released");
            } else {
                assertProblem(released, 409, "escrow-closed");
                assertThat(status).isEqualTo("expired");
            }
            assertThat(closingPostings(escrowId)).isEqualTo(1);
        }

        assertThat(balance(client)).isEqualTo(CAES);
        assertMoneyConserved(mintedBefore);
    }

    /** Starts every action at once and returns their answers in order. */
    @SafeVarargs
    private <T> List<T> race(Callable<? extends T>... actions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<? extends T>> futures = new ArrayList<>();
        for (Callable<? extends T> action : actions) {
            futures.add(pool.submit(() -> {
                start.await();
                return action.call();
            }));
        }
        start.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<? extends T> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    /** Postings that took money out of the escrow account: one closing, whoever won. */
    private long closingPostings(String escrowId) {
        return jdbc.sql("""
                        select count(*) from postings p join accounts a on a.id = p.account_id
                        where a.code = :code and p.amount < 0""")
                .param("code", "escrow/" + escrowId).query(Long.class).single();
    }

    private void assertMoneyConserved(long mintedBefore) {
        var supply = http.get("/api/v1/payments/supply").send().json();
        assertThat(supply.path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply.path("balanced").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from accounts where balance < 0").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from escrows e join accounts a on a.code = 'escrow/' || e.id
                        where (e.status = 'held') <> (a.balance = e.amount) or (e.status <> 'held' and a.balance <> 0)""")
                .query(Long.class).single()).isZero();
    }
}
