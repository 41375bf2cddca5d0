package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Single appends share one transaction (group commit). Holding the append lock from the test makes the writer wait
 * with a first append (the blocker, committed alone) while the appends under test queue behind it; once the lock is
 * released they form the next group together, so each test knows which appends were decided together.
 */
class GroupCommitAppendTest extends LedgerServiceTest {

    private static final int SUBMITTERS = 16;
    private static final int BLOCKS_EACH = 8;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void shouldCommitAppendsThatQueuedTogetherInOneTransactionWithConsecutiveHeights() throws Exception {
        long before = head().path("height").asLong();
        double commitsBefore = groups().count();
        double decidedBefore = groups().totalAmount();
        List<Future<TestHttp.Response>> answers = new ArrayList<>();

        Future<TestHttp.Response> blocker;
        try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
            blocker = submitBlocker(lock);
            for (int i = 0; i < 8; i++) {
                answers.add(submit(freshAppend(), UUID.randomUUID().toString(), serviceToken()));
                lock.awaitQueued(i + 1);
            }
        }

        assertThat(blocker.get(60, TimeUnit.SECONDS).json().path("height").asLong()).isEqualTo(before + 1);
        List<Long> heights = new ArrayList<>();
        for (Future<TestHttp.Response> answer : answers) {
            TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            heights.add(response.json().path("height").asLong());
        }
        // Queue order is height order: the first queued append is the first block of its group.
        assertThat(heights).containsExactlyElementsOf(LongStream.rangeClosed(before + 2, before + 9).boxed().toList());
        // Two transactions for nine blocks: the blocker's, and one for the eight that queued behind it.
        assertThat(groups().count() - commitsBefore).isEqualTo(2);
        assertThat(groups().totalAmount() - decidedBefore).isEqualTo(9);
        assertValidChain(before, before + 9);
    }

    @Test
    void shouldRefuseTheSecondOfTwoIdenticalProofsInOneGroupAndCommitTheRest() throws Exception {
        long before = head().path("height").asLong();
        Map<String, Object> twice = freshAppend();
        double commitsBefore = groups().count();

        Future<TestHttp.Response> first;
        Future<TestHttp.Response> replay;
        Future<TestHttp.Response> other;
        try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
            submitBlocker(lock);
            first = submit(twice, UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(1);
            replay = submit(twice, UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(2);
            other = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(3);
        }

        TestHttp.Response accepted = first.get(60, TimeUnit.SECONDS);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertProblem(replay.get(60, TimeUnit.SECONDS), 422, "proof-replayed");
        TestHttp.Response unrelated = other.get(60, TimeUnit.SECONDS);
        assertThat(unrelated.status()).as(unrelated.body()).isEqualTo(201);
        assertThat(accepted.json().path("height").asLong()).isEqualTo(before + 2);
        assertThat(unrelated.json().path("height").asLong()).isEqualTo(before + 3);
        assertThat(groups().count() - commitsBefore).isEqualTo(2);
        assertThat(head().path("height").asLong()).isEqualTo(before + 3);
        assertValidChain(before, before + 3);
    }

    @Test
    void shouldAnswerARetryThatCaughtUpWithItsQueuedOriginalWithTheIdenticalBlock() throws Exception {
        long before = head().path("height").asLong();
        Map<String, Object> body = freshAppend();
        String key = UUID.randomUUID().toString();
        String caller = serviceToken();

        Future<TestHttp.Response> original;
        Future<TestHttp.Response> retry;
        Future<TestHttp.Response> reusedKey;
        try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
            submitBlocker(lock);
            original = submit(body, key, caller);
            lock.awaitQueued(1);
            retry = submit(body, key, caller);
            lock.awaitQueued(2);
            reusedKey = submit(freshAppend(), key, caller);
            lock.awaitQueued(3);
        }

        TestHttp.Response first = original.get(60, TimeUnit.SECONDS);
        TestHttp.Response second = retry.get(60, TimeUnit.SECONDS);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertProblem(reusedKey.get(60, TimeUnit.SECONDS), 422, "idempotency-key-reused");
        assertThat(first.json().path("height").asLong()).isEqualTo(before + 2);
        assertThat(head().path("height").asLong()).isEqualTo(before + 2);
        TestHttp.Response later = http.post("/api/v1/ledger/blocks", body).bearer(caller).header("Idempotency-Key", key).send();
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body()).isEqualTo(first.body());
    }

    @Test
    void shouldCommitABatchInTheSameGroupAsTheSingleAppendsQueuedAroundIt() throws Exception {
        long before = head().path("height").asLong();
        double commitsBefore = groups().count();
        double decidedBefore = groups().totalAmount();

        Future<TestHttp.Response> first;
        Future<TestHttp.Response> batch;
        Future<TestHttp.Response> last;
        try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
            submitBlocker(lock);
            first = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(1);
            batch = submitBatch(List.of(freshAppend(), freshAppend(), freshAppend()), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(2);
            last = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(3);
        }

        TestHttp.Response single = first.get(60, TimeUnit.SECONDS);
        TestHttp.Response batched = batch.get(60, TimeUnit.SECONDS);
        TestHttp.Response after = last.get(60, TimeUnit.SECONDS);
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        assertThat(batched.status()).as(batched.body()).isEqualTo(201);
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(single.json().path("height").asLong()).isEqualTo(before + 2);
        assertThat(batched.json().path("blocks").findValues("height").stream().map(JsonNode::asLong).toList())
                .containsExactly(before + 3, before + 4, before + 5);
        assertThat(after.json().path("height").asLong()).isEqualTo(before + 6);
        // The blocker's transaction, then one for the single, the batch's three blocks and the last single.
        assertThat(groups().count() - commitsBefore).isEqualTo(2);
        assertThat(groups().totalAmount() - decidedBefore).isEqualTo(6);
        assertValidChain(before, before + 6);
    }

    @Test
    void shouldRefuseAWholeBatchWhoseProofAnEarlierAppendOfTheGroupUsedAndCommitTheRest() throws Exception {
        long before = head().path("height").asLong();
        Map<String, Object> twice = freshAppend();

        Future<TestHttp.Response> first;
        Future<TestHttp.Response> batch;
        Future<TestHttp.Response> last;
        try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
            submitBlocker(lock);
            first = submit(twice, UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(1);
            batch = submitBatch(List.of(freshAppend(), twice), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(2);
            last = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
            lock.awaitQueued(3);
        }

        assertThat(first.get(60, TimeUnit.SECONDS).json().path("height").asLong()).isEqualTo(before + 2);
        TestHttp.Response refused = batch.get(60, TimeUnit.SECONDS);
        assertProblem(refused, 422, "proof-replayed");
        assertThat(refused.json().path("index").asInt()).isEqualTo(1);
        assertThat(last.get(60, TimeUnit.SECONDS).json().path("height").asLong()).isEqualTo(before + 3);
        assertThat(head().path("height").asLong()).isEqualTo(before + 3);
        assertValidChain(before, before + 3);
    }

    @Test
    void shouldRetryTheRestOfAGroupAloneWhenOneInsertFailsAndNeverAcknowledgeTheFailedBlock() throws Exception {
        // A fault injected on purpose: the database refuses one particular payload, as no check before the insert can foresee.
        jdbc.sql("""
                create function refuse_poisoned_payload() returns trigger language plpgsql as $$
                begin
                    raise exception 'injected fault for %', new.height;
                end $$""").update();
        jdbc.sql("""
                create trigger refuse_poisoned_payload before insert on blocks for each row
                when (new.payload like '%poisoned-by-test%') execute function refuse_poisoned_payload()""").update();
        try {
            long before = head().path("height").asLong();
            Map<String, Object> poisoned = uniquePayload();
            poisoned.put("note", "poisoned-by-test");
            Future<TestHttp.Response> first;
            Future<TestHttp.Response> failing;
            Future<TestHttp.Response> last;
            try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
                submitBlocker(lock);
                first = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
                lock.awaitQueued(1);
                failing = submit(appendOf(poisoned), UUID.randomUUID().toString(), serviceToken());
                lock.awaitQueued(2);
                last = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
                lock.awaitQueued(3);
            }

            TestHttp.Response firstAnswer = first.get(60, TimeUnit.SECONDS);
            TestHttp.Response lastAnswer = last.get(60, TimeUnit.SECONDS);
            assertThat(firstAnswer.status()).as(firstAnswer.body()).isEqualTo(201);
            assertThat(lastAnswer.status()).as(lastAnswer.body()).isEqualTo(201);
            assertProblem(failing.get(60, TimeUnit.SECONDS), 500, "internal-error");
            assertThat(firstAnswer.json().path("height").asLong()).isEqualTo(before + 2);
            assertThat(lastAnswer.json().path("height").asLong()).isEqualTo(before + 3);
            assertThat(head().path("height").asLong()).isEqualTo(before + 3);
            assertThat(jdbc.sql("select count(*) from blocks where payload like '%poisoned-by-test%'").query(Long.class).single())
                    .isZero();
            assertValidChain(before, before + 3);
        } finally {
            jdbc.sql("drop trigger refuse_poisoned_payload on blocks").update();
            jdbc.sql("drop function refuse_poisoned_payload()").update();
        }
    }

    @Test
    void shouldStoreEveryAcknowledgedBlockExactlyOnceWithContiguousHeightsUnderSixteenSubmitters() throws Exception {
        long before = head().path("height").asLong();
        double commitsBefore = groups().count();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<JsonNode>>> submitters = new ArrayList<>();
        for (int s = 0; s < SUBMITTERS; s++) {
            submitters.add(pool.submit(() -> {
                start.await();
                String token = serviceToken();
                List<JsonNode> acknowledged = new ArrayList<>();
                for (int i = 0; i < BLOCKS_EACH; i++) {
                    TestHttp.Response response = http.post("/api/v1/ledger/blocks", freshAppend()).bearer(token)
                            .header("Idempotency-Key", UUID.randomUUID().toString()).send();
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    acknowledged.add(response.json());
                }
                return acknowledged;
            }));
        }
        start.countDown();
        List<JsonNode> acknowledged = new ArrayList<>();
        for (Future<List<JsonNode>> submitter : submitters) {
            acknowledged.addAll(submitter.get(120, TimeUnit.SECONDS));
        }

        int blocks = SUBMITTERS * BLOCKS_EACH;
        assertThat(acknowledged.stream().map(block -> block.path("height").asLong()).toList())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, before + blocks).boxed().toList());
        assertThat(head().path("height").asLong()).isEqualTo(before + blocks);
        for (JsonNode block : acknowledged) {
            assertThat(http.get("/api/v1/ledger/blocks/" + block.path("height").asLong()).send().json()).isEqualTo(block);
        }
        assertThat(jdbc.sql("select count(*) from blocks where height > :before").param("before", before).query(Long.class).single())
                .isEqualTo(blocks);
        assertThat(groups().count() - commitsBefore).as("group commits for %d blocks", blocks).isLessThan(blocks);
        assertValidChain(before, before + blocks);
    }

    /** An append the writer takes and then holds while it waits for the lock; those submitted next queue behind it. */
    private Future<TestHttp.Response> submitBlocker(AppendLockHolder lock) {
        Future<TestHttp.Response> blocker = submit(freshAppend(), UUID.randomUUID().toString(), serviceToken());
        lock.awaitWriterWaiting();
        return blocker;
    }

    private Future<TestHttp.Response> submit(Map<String, Object> body, String key, String token) {
        return pool.submit(() -> http.post("/api/v1/ledger/blocks", body).bearer(token).header("Idempotency-Key", key).send());
    }

    private Future<TestHttp.Response> submitBatch(List<Map<String, Object>> operations, String key, String token) {
        return pool.submit(() -> http.post("/api/v1/ledger/blocks/batch", Map.of("operations", operations)).bearer(token)
                .header("Idempotency-Key", key).send());
    }

    /** An EXECUTION with its own payload, author and proof, anchored on the current head. */
    private Map<String, Object> freshAppend() {
        return appendOf(uniquePayload());
    }

    private Map<String, Object> appendOf(Map<String, Object> payload) {
        JsonNode head = head();
        ConsensusProof proof = ConsensusProof.create(Ed25519.generate(), "EXECUTION", CanonicalJson.tree(payload),
                head.path("height").asLong(), head.path("hash").asString(), Instant.now(), "eu-west", 1, 2, 3, DIFFICULTY);
        return appendBody("EXECUTION", payload, proof);
    }

    private DistributionSummary groups() {
        return meters.get("ledger.append.group.size").summary();
    }

    private void assertValidChain(long from, long to) {
        JsonNode report = http.get("/api/v1/ledger/verify?from=" + from + "&to=" + to).send().json();
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
    }
}
