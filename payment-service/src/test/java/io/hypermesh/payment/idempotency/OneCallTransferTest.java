package io.hypermesh.payment.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.PaymentServiceTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mints and transfers claim the key, post and store the reply in one statement (post_entry_once,
 * migration V11): the stored reply carries the entry id the database assigned, the claim ends with
 * that statement, a refusal leaves nothing at all, and the key is shared with the operations that
 * still claim it in a transaction of their own.
 */
class OneCallTransferTest extends PaymentServiceTest {

    @Autowired
    IdempotencyRepository replies;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldStoreTheReplyWithTheEntryIdTheDatabaseAssigned() {
        String alice = fundedIdentity(10 * CAES);
        String bob = freshIdentity();
        String key = newKey();

        Response paid = transfer(alice, bob, 3 * CAES, key);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        long id = paid.json().path("id").asLong();
        assertThat(paid.header("Location")).endsWith("/api/v1/payments/entries/" + id);
        assertThat(paid.body()).startsWith("{\"id\":" + id + ",\"kind\":\"transfer\"");
        Response fetched = http.get(URI.create(paid.header("Location")).getPath()).bearer(clientToken(alice)).send();
        assertThat(fetched.json()).isEqualTo(paid.json());
        assertThat(jdbc.sql("select body from idempotency_keys where caller = :alice and key = :key")
                .param("alice", alice).param("key", key).query(String.class).single()).isEqualTo(paid.body());
    }

    @Test
    void shouldReleaseTheClaimWhenTheAnswerIsSent() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String key = newKey();

        transfer(alice, bob, 1, key);

        // Another transaction may take the key's lock at once: the one-call transfer holds nothing after its statement.
        IdempotencyRepository.Claim claim = transactions.execute(status -> replies.claim(alice, key));
        assertThat(claim.claimed()).isTrue();
        assertThat(claim.stored()).isPresent();
    }

    @Test
    void shouldLeaveNoAccountEntryOrReplyBehindWhenRefused() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String key = newKey();
        long entriesBefore = count("select count(*) from journal_entries");

        assertProblem(transfer(alice, bob, CAES + 1, key), 422, "insufficient-funds");
        assertProblem(transfer(freshIdentity(), bob, 1, newKey()), 422, "insufficient-funds");

        assertThat(count("select count(*) from journal_entries")).isEqualTo(entriesBefore);
        assertThat(jdbc.sql("select count(*) from accounts where code = :bob").param("bob", bob).query(Long.class).single())
                .as("the payee's wallet is not opened by a refused transfer").isZero();
        assertThat(jdbc.sql("select count(*) from idempotency_keys where caller = :alice").param("alice", alice)
                .query(Long.class).single()).as("a refusal stores no reply").isZero();
        assertThat(transfer(alice, bob, CAES, key).status()).isEqualTo(201);
    }

    @Test
    void shouldShareKeysWithOperationsThatClaimInTheirOwnTransaction() {
        String host = fundedIdentity(10 * CAES);
        String key = newKey();
        assertThat(transfer(host, freshIdentity(), CAES, key).status()).isEqualTo(201);

        Response stake = http.post("/api/v1/payments/stakes", Map.of("amount", CAES)).bearer(TOKENS.token(host, "host"))
                .header("Idempotency-Key", key).send();

        assertProblem(stake, 422, "idempotency-key-reused");
        assertThat(balance(host)).isEqualTo(9 * CAES);
    }

    @Test
    void shouldAnswerAUsedKeyBeforeRefusingATransferToYourself() {
        String alice = fundedIdentity(CAES);
        String key = newKey();
        assertThat(transfer(alice, freshIdentity(), 1, key).status()).isEqualTo(201);

        assertProblem(transfer(alice, alice, 1, key), 422, "idempotency-key-reused");
        assertProblem(transfer(alice, alice, 1, newKey()), 422, "self-transfer");
    }

    @Test
    void shouldMoveMoneyOnceWhenManyCopiesOfAMintArriveTogether() throws Exception {
        String alice = freshIdentity();
        String key = newKey();
        String token = operatorToken();
        int copies = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/v1/payments/mints", Map.of("account", alice, "amount", CAES))
                            .bearer(token).header("Idempotency-Key", key).send();
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(responses).extracting(Response::status).isSubsetOf(201, 409);
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(Response::body).containsOnly(created.get(0).body());
        assertThat(created.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSizeLessThanOrEqualTo(1);
        assertThat(balance(alice)).isEqualTo(CAES);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
