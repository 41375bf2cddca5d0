package io.hypermesh.payment.faucet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.MutableClock;
import io.hypermesh.payment.PaymentServiceTest;
import java.net.URI;
import java.time.Duration;
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
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = {"hypermesh.payment.faucet.enabled=true", "hypermesh.payment.faucet.amount=5000000",
        "hypermesh.payment.faucet.window=PT1H"})
class FaucetApiTest extends PaymentServiceTest {

    private static final long GRANT = 5 * CAES;

    @Autowired
    MutableClock clock;

    @Test
    void shouldGrantTheConfiguredAmountAsAMintOncePerWindow() {
        String identity = freshIdentity();
        long mintedBefore = supply().path("minted").asLong();

        Response granted = faucet(identity, newKey());
        Response again = faucet(identity, newKey());

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().path("kind").asString()).isEqualTo("mint");
        assertThat(granted.json().path("memo").asString()).isEqualTo("development faucet");
        assertThat(granted.json().path("createdBy").asString()).isEqualTo(identity);
        Response entry = http.get(URI.create(granted.header("Location")).getPath()).bearer(clientToken(identity)).send();
        assertThat(entry.json().path("postings").findValuesAsString("account")).containsExactly("mint", identity);
        assertProblem(again, 429, "faucet-rate-limited");
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 3_601L);
        assertThat(again.json().path("availableAt").asString()).isNotBlank();
        assertThat(balance(identity)).isEqualTo(GRANT);
        assertThat(supply().path("minted").asLong() - mintedBefore).isGreaterThanOrEqualTo(GRANT);
        assertThat(supply().path("balanced").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(61));

        assertThat(faucet(identity, newKey()).status()).isEqualTo(201);
        assertThat(balance(identity)).isEqualTo(2 * GRANT);
    }

    @Test
    void shouldReplayARetryWithTheSameKeyInsteadOfRefusingIt() {
        String identity = freshIdentity();
        String key = newKey();

        Response first = faucet(identity, key);
        Response retry = faucet(identity, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(identity)).isEqualTo(GRANT);
    }

    @Test
    void shouldGrantOnceWhenOneIdentityAsksManyTimesAtOnce() throws Exception {
        String identity = freshIdentity();
        int copies = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            Callable<Response> ask = () -> {
                start.await();
                return faucet(identity, newKey());
            };
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(ask));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).containsOnly(201, 429);
            assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(identity)).isEqualTo(GRANT);
        assertThat(supply().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void shouldKeepWindowsApartPerIdentityAndServeOnlyWallets() {
        String alice = freshIdentity();
        String bob = freshIdentity();

        assertThat(faucet(alice, newKey()).status()).isEqualTo(201);
        assertThat(faucet(bob, newKey()).status()).isEqualTo(201);
        assertProblem(http.post("/api/v1/payments/faucet", Map.of()).bearer(otherServiceToken())
                .header("Idempotency-Key", newKey()).send(), 403, "forbidden");
        assertProblem(http.post("/api/v1/payments/faucet", Map.of()).bearer(clientToken(alice)).send(), 400,
                "idempotency-key-missing");
        assertThat(balance(alice)).isEqualTo(GRANT);
        assertThat(balance(bob)).isEqualTo(GRANT);
    }

    private Response faucet(String identity, String key) {
        return http.post("/api/v1/payments/faucet", Map.of()).bearer(clientToken(identity)).header("Idempotency-Key", key).send();
    }

    private JsonNode supply() {
        return http.get("/api/v1/payments/supply").send().json();
    }
}
