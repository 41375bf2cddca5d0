package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.Ed25519;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A full group-commit queue refuses further appends at once with 503 and Retry-After, appending nothing. */
@TestPropertySource(properties = "hypermesh.ledger.append.queue-capacity=2")
class AppendBackPressureTest extends LedgerServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldAnswer503WithRetryAfterWhenTheQueueIsFullAndAcceptTheRetryLater() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            long before = head().path("height").asLong();
            Map<String, Object> refusedBody = deployment();
            String refusedKey = UUID.randomUUID().toString();
            String caller = serviceToken();
            Future<TestHttp.Response> held;
            Future<TestHttp.Response> queuedFirst;
            Future<TestHttp.Response> queuedSecond;
            TestHttp.Response refused;
            try (AppendLockHolder lock = new AppendLockHolder(dataSource, meters)) {
                held = submit(pool, deployment());
                lock.awaitWriterWaiting();
                queuedFirst = submit(pool, deployment());
                queuedSecond = submit(pool, deployment());
                lock.awaitQueued(2);

                refused = http.post("/api/v1/ledger/blocks", refusedBody).bearer(caller).header("Idempotency-Key", refusedKey).send();
            }

            assertProblem(refused, 503, "append-queue-full");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            for (Future<TestHttp.Response> answer : List.of(held, queuedFirst, queuedSecond)) {
                assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
            assertThat(head().path("height").asLong()).isEqualTo(before + 3);
            TestHttp.Response retried = http.post("/api/v1/ledger/blocks", refusedBody).bearer(caller)
                    .header("Idempotency-Key", refusedKey).send();
            assertThat(retried.status()).as(retried.body()).isEqualTo(201);
            assertThat(retried.json().path("height").asLong()).isEqualTo(before + 4);
        } finally {
            pool.shutdownNow();
        }
    }

    private Future<TestHttp.Response> submit(ExecutorService pool, Map<String, Object> body) {
        String token = serviceToken();
        return pool.submit(() -> http.post("/api/v1/ledger/blocks", body).bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).send());
    }

    private Map<String, Object> deployment() {
        Map<String, Object> payload = uniquePayload();
        return appendBody("DEPLOYMENT", payload, proof(Ed25519.generate(), "DEPLOYMENT", payload, DIFFICULTY));
    }
}
