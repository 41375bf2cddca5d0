package io.hypermesh.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.PaymentServiceTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small bank under load: many threads move money at random between 50 accounts over real HTTP,
 * often between the same pairs in opposite directions (the classic deadlock shape) and often more
 * than the payer holds. Afterwards the money is all there, no balance is negative, every balance
 * equals what the acknowledged transfers imply, and each acknowledged transfer is in the journal once.
 */
class ConcurrentTransfersTest extends PaymentServiceTest {

    private static final int ACCOUNTS = 50;
    private static final int THREADS = 12;
    private static final int TRANSFERS_PER_THREAD = 40;
    private static final long OPENING_BALANCE = 100 * CAES;

    @Autowired
    JdbcClient jdbc;

    private record Outcome(String memo, String from, String to, long amount, int status, String type, boolean retried) {
    }

    @Test
    void shouldConserveMoneyAndRecordEveryAcknowledgedTransferExactlyOnceUnderConcurrentLoad() throws Exception {
        List<String> identities = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String identity = fundedIdentity(OPENING_BALANCE);
            identities.add(identity);
            tokens.put(identity, clientToken(identity));
        }
        long mintedBefore = http.get("/api/v1/payments/supply").send().json().path("minted").asLong();

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong seeds = new AtomicLong(20261125L);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seeds.getAndIncrement());
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    // A few hot accounts take part in a third of the transfers, to force contention.
                    String from = identities.get(random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(ACCOUNTS));
                    String to = identities.get(random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(ACCOUNTS));
                    if (from.equals(to)) {
                        continue;
                    }
                    long amount = 1 + random.nextLong(OPENING_BALANCE / 2);
                    String memo = UUID.randomUUID().toString();
                    String key = UUID.randomUUID().toString();
                    Response response = send(from, to, amount, memo, key, tokens);
                    boolean retried = random.nextInt(10) == 0;
                    if (retried && response.status() == 201) {
                        Response replay = send(from, to, amount, memo, key, tokens);
                        assertThat(replay.status()).isEqualTo(201);
                        assertThat(replay.body()).isEqualTo(response.body());
                    }
                    String type = response.status() == 201 ? null : response.json().path("type").asString();
                    outcomes.add(new Outcome(memo, from, to, amount, response.status(), type, retried));
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Outcome> acknowledged = outcomes.stream().filter(outcome -> outcome.status() == 201).toList();
        List<Outcome> refused = outcomes.stream().filter(outcome -> outcome.status() != 201).toList();
        assertThat(refused).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(422);
            assertThat(outcome.type()).endsWith("/insufficient-funds");
        });
        assertThat(acknowledged).hasSizeGreaterThan(outcomes.size() / 4);
        assertThat(refused).isNotEmpty();

        Map<String, Long> expected = new ConcurrentHashMap<>();
        identities.forEach(identity -> expected.put(identity, OPENING_BALANCE));
        for (Outcome outcome : acknowledged) {
            expected.merge(outcome.from(), -outcome.amount(), Long::sum);
            expected.merge(outcome.to(), outcome.amount(), Long::sum);
        }
        Map<String, Long> actual = new HashMap<>();
        identities.forEach(identity -> actual.put(identity, balance(identity)));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values()).allSatisfy(balance -> assertThat(balance).isNotNegative());
        assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ACCOUNTS * OPENING_BALANCE);

        Map<String, Long> journalled = new HashMap<>();
        jdbc.sql("select memo, count(*) as entries from journal_entries where kind = 'transfer' and memo in (:memos) group by memo")
                .param("memos", outcomes.stream().map(Outcome::memo).toList())
                .query((row, n) -> journalled.put(row.getString("memo"), row.getLong("entries"))).list();
        assertThat(journalled.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.stream().map(Outcome::memo).toList());
        assertThat(journalled.values()).containsOnly(1L);

        var supply = http.get("/api/v1/payments/supply").send().json();
        assertThat(supply.path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply.path("held").asLong()).isEqualTo(mintedBefore);
        assertThat(jdbc.sql("select count(*) from accounts where balance < 0").query(Long.class).single()).isZero();
    }

    private Response send(String from, String to, long amount, String memo, String key, Map<String, String> tokens) {
        return http.post("/api/v1/payments/transfers", Map.of("to", to, "amount", amount, "memo", memo))
                .bearer(tokens.get(from)).header("Idempotency-Key", key).send();
    }
}
