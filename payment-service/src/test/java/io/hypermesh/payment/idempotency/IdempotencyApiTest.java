package io.hypermesh.payment.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.PaymentServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class IdempotencyApiTest extends PaymentServiceTest {

    @Autowired
    IdempotencyRepository replies;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeyExpiry expiry;

    @Autowired
    io.hypermesh.payment.MutableClock clock;

    @Test
    void shouldReplayTheStoredReplyByteForByteForTheSameKeyAndBody() {
        String alice = fundedIdentity(10 * CAES);
        String bob = freshIdentity();
        String key = newKey();

        Response first = transfer(alice, bob, 3 * CAES, key);
        Response retry = transfer(alice, bob, 3 * CAES, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(balance(alice)).isEqualTo(7 * CAES);
        assertThat(balance(bob)).isEqualTo(3 * CAES);
    }

    @Test
    void shouldRefuseTheSameKeyWithADifferentBody() {
        String alice = fundedIdentity(10 * CAES);
        String bob = freshIdentity();
        String key = newKey();
        transfer(alice, bob, CAES, key);

        Response changed = transfer(alice, bob, 2 * CAES, key);
        Response elsewhere = http.post("/api/v1/payments/mints", Map.of("account", alice, "amount", CAES))
                .bearer(TOKENS.token(alice, "client", "operator")).header("Idempotency-Key", key).send();

        assertProblem(changed, 422, "idempotency-key-reused");
        assertThat(changed.json().path("header").asString()).isEqualTo("Idempotency-Key");
        assertProblem(elsewhere, 422, "idempotency-key-reused");
        assertThat(balance(alice)).isEqualTo(9 * CAES);
        assertThat(balance(bob)).isEqualTo(CAES);
    }

    @Test
    void shouldKeepKeysApartPerCaller() {
        String alice = fundedIdentity(CAES);
        String bob = fundedIdentity(CAES);
        String carol = freshIdentity();
        String key = newKey();

        assertThat(transfer(alice, carol, 1, key).status()).isEqualTo(201);
        assertThat(transfer(bob, carol, 1, key).header("Idempotent-Replayed")).isNull();

        assertThat(balance(carol)).isEqualTo(2);
    }

    @Test
    void shouldRequireTheHeaderOnMintsAndTransfersAndNameIt() {
        String alice = fundedIdentity(CAES);

        Response transfer = http.post("/api/v1/payments/transfers", Map.of("to", freshIdentity(), "amount", 1))
                .bearer(clientToken(alice)).send();
        Response mint = http.post("/api/v1/payments/mints", Map.of("account", alice, "amount", 1)).bearer(operatorToken()).send();

        for (Response response : List.of(transfer, mint)) {
            assertProblem(response, 400, "idempotency-key-missing");
            assertThat(response.json().path("header").asString()).isEqualTo("Idempotency-Key");
            assertThat(response.json().path("detail").asString()).contains("Idempotency-Key");
        }
        assertThat(balance(alice)).isEqualTo(CAES);
    }

    @Test
    void shouldRefuseAMalformedKey() {
        String alice = fundedIdentity(CAES);

        assertProblem(transfer(alice, freshIdentity(), 1, "k".repeat(256)), 400, "idempotency-key-invalid");
        assertProblem(transfer(alice, freshIdentity(), 1, "\"\""), 400, "idempotency-key-invalid");
    }

    @Test
    void shouldTreatTheDraftsQuotedFormAsTheSameKey() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String key = newKey();

        transfer(alice, bob, 5, "\"" + key + "\"");
        Response bare = transfer(alice, bob, 5, key);

        assertThat(bare.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(balance(bob)).isEqualTo(5);
    }

    @Test
    void shouldStoreNoRefusalSoTheSameKeyWorksOnceTheCauseIsFixed() {
        String alice = freshIdentity();
        String bob = freshIdentity();
        String key = newKey();
        assertProblem(transfer(alice, bob, CAES, key), 422, "insufficient-funds");

        mint(alice, CAES);
        Response retried = transfer(alice, bob, CAES, key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(balance(bob)).isEqualTo(CAES);
    }

    @Test
    void shouldAnswerADuplicateWithConflictWhileTheFirstIsInFlight() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String key = newKey();

        // Holding the key's claim in a transaction of our own is exactly what a first request in flight does.
        Response duplicate = transactions.execute(status -> {
            assertThat(replies.claim(alice, key).claimed()).isTrue();
            return transfer(alice, bob, 1, key);
        });
        Response afterwards = transfer(alice, bob, 1, key);

        assertProblem(duplicate, 409, "idempotency-in-flight");
        assertThat(afterwards.status()).isEqualTo(201);
        assertThat(balance(bob)).isEqualTo(1);
    }

    @Test
    void shouldMoveMoneyOnceWhenTheSameRequestArrivesConcurrently() throws Exception {
        String alice = fundedIdentity(10 * CAES);
        String bob = freshIdentity();
        String key = newKey();
        int copies = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            Callable<Response> send = () -> {
                start.await();
                return transfer(alice, bob, CAES, key);
            };
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(send));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(Response::body).containsOnly(created.get(0).body());
            assertThat(responses).extracting(Response::status).isSubsetOf(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(bob)).isEqualTo(CAES);
        assertThat(balance(alice)).isEqualTo(9 * CAES);
        assertThat(jdbc.sql("select count(*) from idempotency_keys where caller = :alice").param("alice", alice)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldForgetAStoredReplyAfterTheRetentionPeriod() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String key = newKey();
        transfer(alice, bob, 1, key);

        clock.advance(java.time.Duration.ofDays(1).plusMinutes(1));
        expiry.forgetExpired();
        Response afterRetention = transfer(alice, bob, 1, key);

        assertThat(afterRetention.status()).isEqualTo(201);
        assertThat(afterRetention.header("Idempotent-Replayed")).isNull();
        assertThat(balance(bob)).isEqualTo(2);
    }
}
