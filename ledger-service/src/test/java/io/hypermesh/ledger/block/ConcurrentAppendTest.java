package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceDatabase;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestPostgres;
import io.hypermesh.ledger.LedgerServiceApplication;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Many appenders at once, spread over two ledger-service instances that share one database. */
class ConcurrentAppendTest extends LedgerServiceTest {

    private static final int APPENDERS = 8;
    private static final int BLOCKS_EACH = 4;

    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startASecondInstance() {
        ServiceDatabase database = TestPostgres.forService("ledger");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TOKENS.jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TOKENS.issuer()));
        database.springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        secondInstance = new SpringApplicationBuilder(LedgerServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void shouldKeepHeightsGapFreeWithExactlyOneChildPerParentUnderConcurrentAppendersOnTwoInstances() throws Exception {
        int secondPort = Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
        List<TestHttp> instances = List.of(http, TestHttp.onPort(secondPort));
        long before = head().path("height").asLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);
        List<Future<List<Long>>> appenders = new ArrayList<>();
        for (int i = 0; i < APPENDERS; i++) {
            TestHttp instance = instances.get(i % 2);
            appenders.add(pool.submit(() -> {
                start.await();
                return appendSeveral(instance);
            }));
        }
        start.countDown();
        List<Long> heights = new ArrayList<>();
        for (Future<List<Long>> appender : appenders) {
            heights.addAll(appender.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        long after = before + APPENDERS * BLOCKS_EACH;
        assertThat(heights).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, after).boxed().toList());
        assertThat(head().path("height").asLong()).isEqualTo(after);
        Integer linked = jdbc.sql("""
                        select count(*) from blocks child join blocks parent
                          on child.parent_height = parent.height and child.previous_hash = parent.hash
                        where child.height between :from and :to""")
                .param("from", before + 1).param("to", after).query(Integer.class).single();
        assertThat(linked).isEqualTo(APPENDERS * BLOCKS_EACH);
        JsonNode report = http.get("/api/v1/ledger/verify?from=" + before + "&to=" + after).send().json();
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(TestHttp.onPort(secondPort).get("/api/v1/ledger/blocks/head").send().json()).isEqualTo(head());
    }

    @Test
    void shouldDecideAgainUnderTheLockWhenTheOtherInstanceAppendedSinceThisOnesLastCommit() {
        TestHttp second = TestHttp.onPort(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
        Ed25519.Signer author = Ed25519.generate();
        String token = serviceToken();
        long first = appendOne(http, author, token, 0);
        long byTheOther = appendOne(second, author, token, 1);
        double rereadsBefore = rereads();

        long next = appendOne(http, author, token, 2);

        // This instance's writer still knew block `first` as the head: its one-round-trip append wrote nothing, and the
        // group was decided again under the lock on top of the other instance's block.
        assertThat(byTheOther).isEqualTo(first + 1);
        assertThat(next).isEqualTo(byTheOther + 1);
        assertThat(rereads() - rereadsBefore).isEqualTo(1);
        JsonNode report = http.get("/api/v1/ledger/verify?from=" + first + "&to=" + next).send().json();
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
    }

    private double rereads() {
        return meters.get("ledger.append.group.rereads").counter().count();
    }

    private static List<Long> appendSeveral(TestHttp instance) {
        Ed25519.Signer author = Ed25519.generate();
        String token = serviceToken();
        List<Long> heights = new ArrayList<>();
        for (int i = 0; i < BLOCKS_EACH; i++) {
            heights.add(appendOne(instance, author, token, i));
        }
        return heights;
    }

    /** One EXECUTION block through {@code instance}, anchored on the head it reports; its height. */
    private static long appendOne(TestHttp instance, Ed25519.Signer author, String token, double x) {
        JsonNode head = instance.get("/api/v1/ledger/blocks/head").send().json();
        Map<String, Object> payload = uniquePayload();
        ConsensusProof proof = ConsensusProof.create(author, "EXECUTION", CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), "eu-west", x, 0, 0, DIFFICULTY);
        TestHttp.Response response = instance.post("/api/v1/ledger/blocks", appendBody("EXECUTION", payload, proof))
                .bearer(token).header("Idempotency-Key", UUID.randomUUID().toString()).send();
        if (response.status() != 201) {
            throw new AssertionError("append failed: " + response.status() + " " + response.body());
        }
        return response.json().path("height").asLong();
    }
}
