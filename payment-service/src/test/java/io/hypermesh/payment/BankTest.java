package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The bank test: 1,000 funded wallets and eight threads doing random transfers, escrow holds,
 * settlements and releases over real HTTP, some retried with the same Idempotency-Key. Afterwards
 * supply is conserved, no balance is negative, every wallet holds exactly what the acknowledged
 * operations imply, and each acknowledged operation is in the journal exactly once (refused ones not at all).
 */
class BankTest extends PaymentServiceTest {

    private static final int ACCOUNTS = 1_000;
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 250;
    private static final long OPENING_BALANCE = CAES;
    /** FULL_PUBLIC, rate card defaults: a core-second costs 100 µCAES. */
    private static final long CORE_SECOND = 100;

    @Autowired
    JdbcClient jdbc;

    private final String service = executionServiceToken();
    private final List<String> wallets = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> quotes = new ConcurrentHashMap<>();
    /** Acknowledged effect on each wallet, from the operations' answers. */
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private final List<String> acknowledgedTransfers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusedTransfers = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Hold> open = new ConcurrentLinkedQueue<>();
    private final Map<String, String> closedAs = new ConcurrentHashMap<>();
    private final List<Hold> acknowledgedHolds = Collections.synchronizedList(new ArrayList<>());
    private long platformFees;

    private record Hold(String id, String client, String executionId, long amount) {
    }

    @Test
    void shouldConserveMoneyAndRecordEveryAcknowledgedOperationOnceAcrossAThousandAccounts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            openAccounts(pool);
            long mintedBefore = http.get("/api/v1/payments/supply").send().json().path("minted").asLong();
            platformFees = feesBalance();

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(20261125L + t);
                workers.add(pool.submit(() -> {
                    start.await();
                    long fees = 0;
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        int dice = random.nextInt(10);
                        if (dice < 5) {
                            transfer(random);
                        } else if (dice < 7 || open.isEmpty()) {
                            hold(random);
                        } else if (dice < 9) {
                            fees += settleOne(random);
                        } else {
                            releaseOne(random);
                        }
                    }
                    return fees;
                }));
            }
            start.countDown();
            for (Future<Long> worker : workers) {
                platformFees += worker.get();
            }

            assertThat(acknowledgedTransfers).hasSizeGreaterThan(THREADS * OPERATIONS_PER_THREAD / 4);
            assertThat(acknowledgedHolds).hasSizeGreaterThan(THREADS * OPERATIONS_PER_THREAD / 10);
            assertThat(closedAs.values()).contains("settled", "released");
            assertEveryWalletHoldsWhatTheAcknowledgedOperationsImply();
            assertEveryAcknowledgedOperationIsJournalledOnce();
            var supply = http.get("/api/v1/payments/supply").send().json();
            assertThat(supply.path("minted").asLong()).isEqualTo(mintedBefore);
            assertThat(supply.path("held").asLong()).isEqualTo(mintedBefore);
            assertThat(jdbc.sql("select count(*) from accounts where balance < 0").query(Long.class).single()).isZero();
            assertThat(feesBalance()).isEqualTo(platformFees);
        } finally {
            pool.shutdownNow();
        }
    }

    private void openAccounts(ExecutorService pool) throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) {
            String identity = freshIdentity();
            wallets.add(identity);
            tokens.put(identity, clientToken(identity));
            expected.put(identity, OPENING_BALANCE);
        }
        List<Callable<Integer>> mints = wallets.stream().<Callable<Integer>>map(identity -> () -> mint(identity, OPENING_BALANCE).status()).toList();
        for (Future<Integer> minted : pool.invokeAll(mints)) {
            assertThat(minted.get()).isEqualTo(201);
        }
    }

    private String any(Random random) {
        return wallets.get(random.nextInt(ACCOUNTS));
    }

    private void transfer(Random random) {
        String from = any(random);
        String to = any(random);
        if (from.equals(to)) {
            return;
        }
        long amount = 1 + random.nextLong(OPENING_BALANCE / 2);
        String memo = UUID.randomUUID().toString();
        String key = newKey();
        Map<String, Object> body = Map.of("to", to, "amount", amount, "memo", memo);
        Response response = http.post("/api/v1/payments/transfers", body).bearer(tokens.get(from)).header("Idempotency-Key", key).send();
        if (response.status() == 201) {
            retryMaybe(random, response, () -> http.post("/api/v1/payments/transfers", body).bearer(tokens.get(from))
                    .header("Idempotency-Key", key).send());
            expected.merge(from, -amount, Long::sum);
            expected.merge(to, amount, Long::sum);
            acknowledgedTransfers.add(memo);
        } else {
            assertProblem(response, 422, "insufficient-funds");
            refusedTransfers.add(memo);
        }
    }

    private void hold(Random random) {
        String client = any(random);
        String quote = quotes.computeIfAbsent(client, identity -> quoteFor(identity, 60));
        long amount = 20_000 + random.nextLong(30_000);
        String executionId = "bank-" + UUID.randomUUID();
        String key = newKey();
        Map<String, Object> body = Map.of("client", client, "quoteId", quote, "executionId", executionId, "amount", amount);
        Response response = http.post("/api/v1/payments/escrows", body).bearer(service).header("Idempotency-Key", key).send();
        if (response.status() == 201) {
            retryMaybe(random, response, () -> http.post("/api/v1/payments/escrows", body).bearer(service)
                    .header("Idempotency-Key", key).send());
            expected.merge(client, -amount, Long::sum);
            Hold hold = new Hold(response.json().path("id").asString(), client, executionId, amount);
            acknowledgedHolds.add(hold);
            open.add(hold);
        } else {
            assertProblem(response, 422, "insufficient-funds");
        }
    }

    /** Settles an open hold with one or two random hosts from the same wallets; returns the platform fee. */
    private long settleOne(Random random) {
        Hold hold = open.poll();
        if (hold == null) {
            return 0;
        }
        List<Map<String, Object>> hosts = new ArrayList<>();
        long usage = 0;
        int count = 1 + random.nextInt(2);
        for (int h = 0; h < count; h++) {
            String host = any(random);
            if (hosts.stream().anyMatch(report -> report.get("host").equals(host))) {
                continue;
            }
            long coreSeconds = 1 + random.nextInt(60);
            usage += coreSeconds * CORE_SECOND;
            hosts.add(hostReport(host, coreSeconds, random.nextBoolean(), random.nextInt(60)));
        }
        String key = newKey();
        Response response = settle(service, hold.id(), hosts, key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        retryMaybe(random, response, () -> settle(service, hold.id(), hosts, key));
        JsonNode settled = response.json();
        assertThat(settled.path("paidForUsage").asLong()).isEqualTo(usage);
        assertThat(settled.path("paidForUsage").asLong() + settled.path("paidAsBonus").asLong()
                + settled.path("platformFee").asLong() + settled.path("refunded").asLong()).isEqualTo(hold.amount());
        for (JsonNode payout : settled.path("payouts")) {
            expected.merge(payout.path("host").asString(), payout.path("usage").asLong() + payout.path("bonus").asLong(), Long::sum);
        }
        expected.merge(hold.client(), settled.path("refunded").asLong(), Long::sum);
        closedAs.put(hold.id(), "settled");
        return settled.path("platformFee").asLong();
    }

    private void releaseOne(Random random) {
        Hold hold = open.poll();
        if (hold == null) {
            return;
        }
        String key = newKey();
        Response response = release(service, hold.id(), key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        retryMaybe(random, response, () -> release(service, hold.id(), key));
        expected.merge(hold.client(), hold.amount(), Long::sum);
        closedAs.put(hold.id(), "released");
    }

    /** One time in ten, repeats an acknowledged request with its key: the stored reply, byte for byte. */
    private static void retryMaybe(Random random, Response first, Callable<Response> again) {
        if (random.nextInt(10) != 0) {
            return;
        }
        try {
            Response replay = again.call();
            assertThat(replay.status()).isEqualTo(first.status());
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(first.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertEveryWalletHoldsWhatTheAcknowledgedOperationsImply() {
        Map<String, Long> actual = new HashMap<>();
        jdbc.sql("select code, balance from accounts where code in (:codes)").param("codes", wallets)
                .query((row, n) -> actual.put(row.getString("code"), row.getLong("balance"))).list();
        assertThat(actual).isEqualTo(expected);
    }

    private void assertEveryAcknowledgedOperationIsJournalledOnce() {
        Map<String, Long> transfers = new HashMap<>();
        List<String> memos = new ArrayList<>(acknowledgedTransfers);
        memos.addAll(refusedTransfers);
        jdbc.sql("select memo, count(*) as entries from journal_entries where kind = 'transfer' and memo in (:memos) group by memo")
                .param("memos", memos).query((row, n) -> transfers.put(row.getString("memo"), row.getLong("entries"))).list();
        assertThat(transfers.keySet()).containsExactlyInAnyOrderElementsOf(acknowledgedTransfers);
        assertThat(transfers.values()).containsOnly(1L);

        Map<String, Long> holdEntries = new HashMap<>();
        jdbc.sql("""
                        select e.id::text as escrow, count(j.id) as entries from escrows e
                        join journal_entries j on j.kind = 'hold' and j.memo = 'hold for execution ' || e.execution_id
                        where e.execution_id like 'bank-%' and e.id in (:ids) group by e.id""")
                .param("ids", acknowledgedHolds.stream().map(hold -> UUID.fromString(hold.id())).toList())
                .query((row, n) -> holdEntries.put(row.getString("escrow"), row.getLong("entries"))).list();
        assertThat(holdEntries.keySet()).containsExactlyInAnyOrderElementsOf(acknowledgedHolds.stream().map(Hold::id).toList());
        assertThat(holdEntries.values()).containsOnly(1L);

        Map<String, String> statuses = new HashMap<>();
        Map<String, Long> closings = new HashMap<>();
        jdbc.sql("""
                        select e.id::text as escrow, e.status, a.balance, e.amount,
                               (select count(*) from postings p where p.account_id = a.id and p.amount < 0) as closings
                        from escrows e join accounts a on a.code = 'escrow/' || e.id where e.id in (:ids)""")
                .param("ids", acknowledgedHolds.stream().map(hold -> UUID.fromString(hold.id())).toList())
                .query((row, n) -> {
                    statuses.put(row.getString("escrow"), row.getString("status"));
                    closings.put(row.getString("escrow"), row.getLong("closings"));
                    assertThat(row.getLong("balance")).isEqualTo("held".equals(row.getString("status")) ? row.getLong("amount") : 0);
                    return null;
                }).list();
        for (Hold hold : acknowledgedHolds) {
            assertThat(statuses.get(hold.id())).as(hold.id()).isEqualTo(closedAs.getOrDefault(hold.id(), "held"));
            assertThat(closings.get(hold.id())).as(hold.id()).isEqualTo(closedAs.containsKey(hold.id()) ? 1L : 0L);
        }
    }

    private long feesBalance() {
        return jdbc.sql("select balance from accounts where code = 'platform-fees'").query(Long.class).single();
    }
}
