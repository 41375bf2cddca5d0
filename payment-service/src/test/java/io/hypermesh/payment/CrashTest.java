package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash test: a second payment-service, in its own JVM on the same database, takes transfers and
 * escrow holds from six threads and is killed with SIGKILL while requests are in flight. It is started
 * again on the same port, and every request whose answer was lost is retried with its original
 * Idempotency-Key until it gets a definite answer. Then: supply is conserved, no balance is negative,
 * each wallet holds what the acknowledged operations imply, and each is in the journal exactly once.
 */
class CrashTest extends PaymentServiceTest {

    private static final Logger log = LoggerFactory.getLogger(CrashTest.class);

    private static final int ACCOUNTS = 40;
    private static final int THREADS = 6;
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 150;
    private static final long OPENING_BALANCE = CAES;

    @Autowired
    JdbcClient jdbc;

    private final String service = executionServiceToken();
    private final List<String> wallets = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> quotes = new HashMap<>();
    private Process child;

    /** One request, fixed before it is first sent, so a retry is byte-for-byte the same request. */
    private record Operation(String path, Map<String, Object> body, String token, String key, String payer, String payee,
            long amount, String tag) {

        boolean hold() {
            return path.endsWith("/escrows");
        }
    }

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenTheServiceIsKilledMidRunAndRequestsAreRetried() throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) {
            String identity = fundedIdentity(OPENING_BALANCE);
            wallets.add(identity);
            tokens.put(identity, clientToken(identity));
            quotes.put(identity, quoteFor(identity, 60));
        }
        long mintedBefore = http.get("/api/v1/payments/supply").send().json().path("minted").asLong();
        int port = freePort();
        TestHttp crashing = TestHttp.onPort(port);
        child = start(port, "first");

        Map<Operation, Integer> answered = new ConcurrentHashMap<>();
        List<Operation> lost = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(1125L + t);
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Operation operation = next(random);
                        try {
                            Response response = send(crashing, operation);
                            if (response.status() >= 500) {
                                lost.add(operation);
                            } else {
                                answered.put(operation, response.status());
                                if (response.status() == 201) {
                                    acknowledged.incrementAndGet();
                                }
                            }
                        } catch (UncheckedIOException connectionLost) {
                            lost.add(operation);
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_CRASH);
            child.destroyForcibly().waitFor();
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lost).as("requests in flight when the process died").isNotEmpty();

        child = start(port, "second");
        int committedUnacknowledged = 0;
        for (Operation operation : lost) {
            Response answer = retryUntilAnswered(crashing, operation);
            answered.put(operation, answer.status());
            committedUnacknowledged += "true".equals(answer.header("Idempotent-Replayed")) ? 1 : 0;
        }
        log.info("Killed with {} request(s) unanswered; {} of them had committed and were replayed on retry",
                lost.size(), committedUnacknowledged);
        List<Operation> acknowledgedBeforeCrash = answered.entrySet().stream().filter(entry -> entry.getValue() == 201)
                .map(Map.Entry::getKey).filter(operation -> !lost.contains(operation)).limit(20).toList();
        for (Operation operation : acknowledgedBeforeCrash) {
            Response replay = send(crashing, operation);
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        }

        assertThat(answered.values()).allSatisfy(status -> assertThat(status).isIn(201, 422));
        assertBalancesMatchTheAcknowledgedOperations(answered);
        assertEachAcknowledgedOperationIsJournalledOnce(answered);
        var supply = http.get("/api/v1/payments/supply").send().json();
        assertThat(supply.path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply.path("held").asLong()).isEqualTo(mintedBefore);
        assertThat(jdbc.sql("select count(*) from accounts where balance < 0").query(Long.class).single()).isZero();
    }

    private Operation next(Random random) {
        String payer = wallets.get(random.nextInt(ACCOUNTS));
        String tag = UUID.randomUUID().toString();
        if (random.nextInt(4) == 0) {
            long amount = 20_000 + random.nextLong(30_000);
            Map<String, Object> body = Map.of("client", payer, "quoteId", quotes.get(payer), "executionId", "crash-" + tag,
                    "amount", amount);
            return new Operation("/api/v1/payments/escrows", body, service, newKey(), payer, null, amount, "crash-" + tag);
        }
        String payee = wallets.get(random.nextInt(ACCOUNTS));
        while (payee.equals(payer)) {
            payee = wallets.get(random.nextInt(ACCOUNTS));
        }
        long amount = 1 + random.nextLong(OPENING_BALANCE / 3);
        Map<String, Object> body = Map.of("to", payee, "amount", amount, "memo", tag);
        return new Operation("/api/v1/payments/transfers", body, tokens.get(payer), newKey(), payer, payee, amount, tag);
    }

    private static Response send(TestHttp to, Operation operation) {
        return to.post(operation.path(), operation.body()).bearer(operation.token()).header("Idempotency-Key", operation.key()).send();
    }

    /** The same request with the same key until it gets a definite answer: success (first or replayed) or a refusal. */
    private static Response retryUntilAnswered(TestHttp to, Operation operation) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreException(UncheckedIOException.class)
                .until(() -> {
                    answer[0] = send(to, operation);
                    if (answer[0].status() == 422) {
                        assertProblem(answer[0], 422, "insufficient-funds");
                    }
                    // 409: the dead process's transaction is not yet rolled back and still holds the key.
                    return answer[0].status() == 201 || answer[0].status() == 422;
                });
        return answer[0];
    }

    private void assertBalancesMatchTheAcknowledgedOperations(Map<Operation, Integer> answered) {
        Map<String, Long> expected = new HashMap<>();
        wallets.forEach(wallet -> expected.put(wallet, OPENING_BALANCE));
        answered.forEach((operation, status) -> {
            if (status == 201) {
                expected.merge(operation.payer(), -operation.amount(), Long::sum);
                if (!operation.hold()) {
                    expected.merge(operation.payee(), operation.amount(), Long::sum);
                }
            }
        });
        Map<String, Long> actual = new HashMap<>();
        jdbc.sql("select code, balance from accounts where code in (:codes)").param("codes", wallets)
                .query((row, n) -> actual.put(row.getString("code"), row.getLong("balance"))).list();
        assertThat(actual).isEqualTo(expected);
    }

    private void assertEachAcknowledgedOperationIsJournalledOnce(Map<Operation, Integer> answered) {
        Map<String, Long> transfers = new HashMap<>();
        List<String> tags = answered.keySet().stream().map(Operation::tag).toList();
        jdbc.sql("select memo, count(*) as entries from journal_entries where kind = 'transfer' and memo in (:tags) group by memo")
                .param("tags", tags).query((row, n) -> transfers.put(row.getString("memo"), row.getLong("entries"))).list();
        Map<String, Long> holds = new HashMap<>();
        jdbc.sql("""
                        select e.execution_id, e.amount, a.balance,
                               (select count(*) from journal_entries j where j.kind = 'hold'
                                 and j.memo = 'hold for execution ' || e.execution_id) as entries
                        from escrows e join accounts a on a.code = 'escrow/' || e.id
                        where e.execution_id in (:tags)""")
                .param("tags", tags).query((row, n) -> {
                    assertThat(row.getLong("balance")).isEqualTo(row.getLong("amount"));
                    return holds.put(row.getString("execution_id"), row.getLong("entries"));
                }).list();
        Map<Boolean, List<Operation>> acknowledged = answered.entrySet().stream().filter(entry -> entry.getValue() == 201)
                .map(Map.Entry::getKey).collect(Collectors.partitioningBy(Operation::hold));
        assertThat(transfers.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.get(false).stream().map(Operation::tag).toList());
        assertThat(transfers.values()).containsOnly(1L);
        assertThat(holds.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.get(true).stream().map(Operation::tag).toList());
        assertThat(holds.values()).containsOnly(1L);
    }

    /** payment-service in a child JVM on the main classes (no test classes), the same database and token issuer. */
    private Process start(int port, String name) throws IOException {
        ServiceDatabase database = TestPostgres.forService("payment");
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                PaymentServiceApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TOKENS.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TOKENS.issuer(),
                // Far-off expiry: the in-process service's clock may run ahead and must not refund these holds.
                "--hypermesh.payment.escrow.hold-grace=P3650D",
                "--hypermesh.payment.execution-service-identities=" + EXECUTION_SERVICE,
                "--management.tracing.sampling.probability=0",
                "--logging.level.root=WARN");
        File log = Path.of("target", "crash-test-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        TestHttp probe = TestHttp.onPort(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreException(UncheckedIOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("child JVM exited; see " + log).isTrue();
                    return probe.get("/actuator/health/readiness").send().status() == 200;
                });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
