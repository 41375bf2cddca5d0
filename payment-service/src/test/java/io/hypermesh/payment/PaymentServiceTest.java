package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.ServiceTestProperties;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.protocol.Ed25519;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on a random port, over real HTTP, with its real migrations on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PaymentServiceTest.TestClockConfig.class)
public abstract class PaymentServiceTest {

    @TestConfiguration
    static class TestClockConfig {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.shared();
    /** execution-service's identity, configured as such (hypermesh.payment.execution-service-identities). */
    protected static final String EXECUTION_SERVICE = freshIdentity();
    protected static final long CAES = 1_000_000L;

    @LocalServerPort
    int port;

    protected TestHttp http;
    protected final String operator = freshIdentity();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register("payment", registry);
        registry.add("hypermesh.payment.execution-service-identities", () -> EXECUTION_SERVICE);
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
    }

    protected static String freshIdentity() {
        return Ed25519.generate().identity().value();
    }

    protected String operatorToken() {
        return TOKENS.token(operator, "operator");
    }

    protected static String clientToken(String identity) {
        return TOKENS.token(identity, "client");
    }

    /** execution-service's token: role service, configured identity; the only caller that holds and settles escrow. */
    protected static String executionServiceToken() {
        return TOKENS.token(EXECUTION_SERVICE, "service");
    }

    /** A service token of some other service: role service, but not a configured execution-service identity. */
    protected static String otherServiceToken() {
        return TOKENS.token(freshIdentity(), "service");
    }

    protected static String newKey() {
        return UUID.randomUUID().toString();
    }

    protected Response mint(String identity, long amount) {
        return http.post("/api/v1/payments/mints", Map.of("account", identity, "amount", amount, "memo", "test grant"))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();
    }

    protected Response transfer(String from, String to, long amount) {
        return transfer(from, to, amount, newKey());
    }

    protected Response transfer(String from, String to, long amount, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to, "amount", amount));
        return http.post("/api/v1/payments/transfers", body).bearer(clientToken(from)).header("Idempotency-Key", key).send();
    }

    /** An identity whose wallet holds {@code amount}, minted by an operator. */
    protected String fundedIdentity(long amount) {
        String identity = freshIdentity();
        Response minted = mint(identity, amount);
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        return identity;
    }

    /** A quote of {@code client} for one core and 1 GB for {@code seconds}, k = 1, FULL_PUBLIC (6,600 µCAES a minute). */
    protected String quoteFor(String client, long seconds) {
        Map<String, Object> body = Map.of("resources", Map.of("cpuCores", 1, "memoryMb", 1024), "durationSeconds", seconds,
                "privacy", "FULL_PUBLIC", "redundancy", 1);
        Response quoted = http.post("/api/v1/payments/quotes", body).bearer(clientToken(client))
                .header("Idempotency-Key", newKey()).send();
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        return quoted.json().path("id").asString();
    }

    protected Response hold(String serviceToken, String client, String quoteId, long amount, String key) {
        return http.post("/api/v1/payments/escrows", Map.of("client", client, "quoteId", quoteId,
                        "executionId", "exec-" + UUID.randomUUID(), "amount", amount))
                .bearer(serviceToken).header("Idempotency-Key", key).send();
    }

    /** A hold of {@code amount} from {@code client}'s wallet against a fresh one-minute quote; its escrow id. */
    protected String heldEscrow(String serviceToken, String client, long amount) {
        Response held = hold(serviceToken, client, quoteFor(client, 60), amount, newKey());
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.json().path("id").asString();
    }

    /** One host's report: {@code coreSeconds} of CPU, nothing else, done in {@code seconds}. */
    protected static Map<String, Object> hostReport(String host, long coreSeconds, boolean succeeded, long seconds) {
        return Map.of("host", host, "usage", Map.of("cpuCoreSeconds", coreSeconds), "succeeded", succeeded,
                "durationSeconds", seconds);
    }

    protected Response settle(String serviceToken, String escrowId, List<Map<String, Object>> hosts, String key) {
        return http.post("/api/v1/payments/escrows/" + escrowId + "/settlements", Map.of("hosts", hosts))
                .bearer(serviceToken).header("Idempotency-Key", key).send();
    }

    protected Response release(String serviceToken, String escrowId, String key) {
        return http.post("/api/v1/payments/escrows/" + escrowId + "/releases", Map.of("reason", "execution failed"))
                .bearer(serviceToken).header("Idempotency-Key", key).send();
    }

    protected long balance(String identity) {
        Response response = http.get("/api/v1/payments/accounts/" + identity).bearer(clientToken(identity)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("balance").asLong();
    }

    protected static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
