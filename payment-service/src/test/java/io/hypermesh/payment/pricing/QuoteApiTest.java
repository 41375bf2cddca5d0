package io.hypermesh.payment.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.MutableClock;
import io.hypermesh.payment.PaymentServiceTest;
import io.hypermesh.payment.web.Caller;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class QuoteApiTest extends PaymentServiceTest {

    private static final Map<String, Object> RESOURCES =
            Map.of("cpuCores", 2, "memoryMb", 2048, "storageMb", 512, "gpus", 1, "networkMb", 100);

    @Autowired
    PricingService pricing;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldQuoteAnItemisedPriceAndServeItAtItsLocation() {
        String client = freshIdentity();

        Response quoted = quote(client, "PRIVATE", 3);

        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        JsonNode quote = quoted.json();
        assertThat(quote.path("items").findValuesAsString("resource")).containsExactly("cpu", "memory", "storage", "gpu", "network");
        assertThat(quote.path("items").findValues("amount")).extracting(JsonNode::asLong)
                .containsExactly(12_000L, 1_200L, 500L, 120_000L, 489L);
        assertThat(quote.path("perReplica").asLong()).isEqualTo(134_189L);
        assertThat(quote.path("privacyMultiplierPercent").asInt()).isEqualTo(200);
        assertThat(quote.path("total").asLong()).isEqualTo(134_189L * 3 * 2);
        assertThat(quote.path("rateCardVersion").asInt()).isEqualTo(pricing.currentCard().version());
        assertThat(quote.path("expired").asBoolean()).isFalse();
        Response fetched = http.get(URI.create(quoted.header("Location")).getPath()).bearer(clientToken(client)).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("total").asLong()).isEqualTo(quote.path("total").asLong());
    }

    @Test
    void shouldChargePrivateExecutionTwiceThePublicPrice() {
        String client = freshIdentity();

        long open = quote(client, "FULL_PUBLIC", 1).json().path("total").asLong();
        long secret = quote(client, "PRIVATE", 1).json().path("total").asLong();

        assertThat(secret).isEqualTo(2 * open);
    }

    @Test
    void shouldHonourAQuoteUntilItExpires() {
        String client = freshIdentity();
        UUID id = UUID.fromString(quote(client, "P2P", 1).json().path("id").asString());
        Caller caller = new Caller(client, false, false);

        assertThat(pricing.quoteFor(id, caller).honour(pricing.now()).id()).isEqualTo(id);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(http.get("/api/v1/payments/quotes/" + id).bearer(clientToken(client)).send().json().path("expired").asBoolean()).isTrue();
        assertThatThrownBy(() -> pricing.quoteFor(id, caller).honour(pricing.now())).isInstanceOf(QuoteExpiredException.class);
    }

    @Test
    void shouldKeepAQuotesPriceWhenTheRateCardChanges() {
        String client = freshIdentity();
        JsonNode before = quote(client, "P2P", 1).json();
        RateCard current = pricing.currentCard();
        jdbc.sql("""
                insert into rate_cards (version, cpu_core_second, memory_gb_second, storage_gb, gpu_second, network_gb,
                    private_percent, private_network_percent, p2p_percent, public_network_percent, full_public_percent, created_at)
                values (:version, 1000, 10, 1000, 2000, 5000, 200, 150, 100, 100, 100, now())""")
                .param("version", current.version() + 1).update();
        try {
            JsonNode after = quote(client, "P2P", 1).json();
            JsonNode old = http.get("/api/v1/payments/quotes/" + before.path("id").asString()).bearer(clientToken(client)).send().json();

            assertThat(after.path("rateCardVersion").asInt()).isEqualTo(current.version() + 1);
            assertThat(after.path("total").asLong()).isGreaterThan(before.path("total").asLong());
            assertThat(old.path("rateCardVersion").asInt()).isEqualTo(current.version());
            assertThat(old.path("total").asLong()).isEqualTo(before.path("total").asLong());
            assertThat(old.path("items").get(0).path("rate").asLong()).isEqualTo(100);
        } finally {
            // The configuration differs from the card just inserted: re-recording it makes a new version.
            RateCard restored = transactions.execute(status -> pricing.recordConfiguredCard());
            assertThat(restored.version()).isEqualTo(current.version() + 2);
            assertThat(restored.samePricesAs(current)).isTrue();
        }
    }

    @Test
    void shouldNotRecordANewVersionWhenTheConfigurationIsUnchanged() {
        RateCard current = pricing.currentCard();

        RateCard again = transactions.execute(status -> pricing.recordConfiguredCard());

        assertThat(again.version()).isEqualTo(current.version());
    }

    @Test
    void shouldServeTheRateCardPublicly() {
        Response card = http.get("/api/v1/payments/rate-cards/current").send();

        assertThat(card.status()).isEqualTo(200);
        assertThat(card.json().path("cpuCoreSecond").asLong()).isEqualTo(100);
        assertThat(card.json().path("privacyMultiplierPercent").path("PRIVATE").asInt()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/rate-cards/1").send().status()).isEqualTo(200);
        assertProblem(http.get("/api/v1/payments/rate-cards/9999").send(), 404, "rate-card-not-found");
    }

    @Test
    void shouldShowAQuoteOnlyToItsRequesterExecutionServiceAndOperators() {
        String client = freshIdentity();
        String path = "/api/v1/payments/quotes/" + quote(client, "P2P", 1).json().path("id").asString();

        assertThat(http.get(path).bearer(executionServiceToken()).send().status()).isEqualTo(200);
        assertProblem(http.get(path).bearer(otherServiceToken()).send(), 404, "quote-not-found");
        assertThat(http.get(path).bearer(operatorToken()).send().status()).isEqualTo(200);
        assertProblem(http.get(path).bearer(clientToken(freshIdentity())).send(), 404, "quote-not-found");
        assertProblem(http.get(path).send(), 401, "unauthorized");
    }

    @Test
    void shouldForbidQuotesToHostsAndNameEveryInvalidField() {
        Response host = http.post("/api/v1/payments/quotes", Map.of("resources", RESOURCES, "durationSeconds", 60,
                "privacy", "P2P", "redundancy", 1)).bearer(TOKENS.token(freshIdentity(), "host"))
                .header("Idempotency-Key", newKey()).send();
        Response invalid = http.post("/api/v1/payments/quotes", Map.of("resources", Map.of("cpuCores", 0, "memoryMb", -1),
                "privacy", "SECRET", "redundancy", 0)).bearer(clientToken(freshIdentity()))
                .header("Idempotency-Key", newKey()).send();

        assertProblem(host, 403, "forbidden");
        assertProblem(invalid, 400, "validation");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "resources.cpuCores", "resources.memoryMb", "durationSeconds", "privacy", "redundancy");
    }

    private Response quote(String client, String privacy, int redundancy) {
        return http.post("/api/v1/payments/quotes", Map.of("resources", RESOURCES, "durationSeconds", 60, "privacy", privacy,
                "redundancy", redundancy)).bearer(clientToken(client)).header("Idempotency-Key", newKey()).send();
    }
}
