package io.hypermesh.payment.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.MutableClock;
import io.hypermesh.payment.PaymentServiceTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class EscrowApiTest extends PaymentServiceTest {

    private final String service = executionServiceToken();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EscrowService escrows;

    @Test
    void shouldHoldAgainstAQuoteExecutionServiceMadeForTheClient() {
        String client = fundedIdentity(10 * CAES);
        Map<String, Object> request = Map.of("resources", Map.of("cpuCores", 1, "memoryMb", 1024), "durationSeconds", 60,
                "privacy", "FULL_PUBLIC", "redundancy", 1, "client", client);

        Response quoted = http.post("/api/v1/payments/quotes", request).bearer(service).header("Idempotency-Key", newKey()).send();

        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        assertThat(quoted.json().path("requestedBy").asString()).isEqualTo(client);
        Response held = hold(service, client, quoted.json().path("id").asString(), quoted.json().path("total").asLong(), newKey());
        assertThat(held.status()).as(held.body()).isEqualTo(201);
    }

    @Test
    void shouldLetOnlyExecutionServiceQuoteForAnotherIdentity() {
        String client = freshIdentity();
        Map<String, Object> forOther = Map.of("resources", Map.of("cpuCores", 1, "memoryMb", 1024), "durationSeconds", 60,
                "privacy", "FULL_PUBLIC", "redundancy", 1, "client", freshIdentity());
        Map<String, Object> forSelf = Map.of("resources", Map.of("cpuCores", 1, "memoryMb", 1024), "durationSeconds", 60,
                "privacy", "FULL_PUBLIC", "redundancy", 1, "client", client);

        Response refused = http.post("/api/v1/payments/quotes", forOther).bearer(clientToken(client)).header("Idempotency-Key", newKey()).send();
        Response own = http.post("/api/v1/payments/quotes", forSelf).bearer(clientToken(client)).header("Idempotency-Key", newKey()).send();

        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().path("detail").asString()).contains("'client'");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().path("requestedBy").asString()).isEqualTo(client);
    }

    @Test
    void shouldLockTheHoldInItsOwnEscrowAccountWithoutChangingSupply() {
        String client = fundedIdentity(10 * CAES);
        long mintedBefore = supply().path("minted").asLong();

        Response held = hold(service, client, quoteFor(client, 60), 2 * CAES, newKey());

        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode escrow = held.json();
        assertThat(escrow.path("status").asString()).isEqualTo("held");
        assertThat(escrow.path("amount").asLong()).isEqualTo(2 * CAES);
        assertThat(escrow.path("heldBy").asString()).isEqualTo(EXECUTION_SERVICE);
        assertThat(URI.create(held.header("Location")).getPath()).isEqualTo("/api/v1/payments/escrows/" + escrow.path("id").asString());
        assertThat(balance(client)).isEqualTo(8 * CAES);
        assertThat(escrowAccountBalance(escrow.path("id").asString())).isEqualTo(2 * CAES);
        assertThat(supply().path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply().path("balanced").asBoolean()).isTrue();
        Response shown = http.get("/api/v1/payments/escrows/" + escrow.path("id").asString()).bearer(clientToken(client)).send();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("status").asString()).isEqualTo("held");
    }

    @Test
    void shouldPayHostsUsageTimesRatesTimesPrivacyPlusAFastHostsBonusAndTheFeeAndRefundTheRest() {
        String client = fundedIdentity(CAES);
        String fastHost = freshIdentity();
        String slowHost = freshIdentity();
        Response quoted = http.post("/api/v1/payments/quotes", Map.of("resources", Map.of("cpuCores", 1, "memoryMb", 1024),
                        "durationSeconds", 60, "privacy", "PRIVATE", "redundancy", 2))
                .bearer(clientToken(client)).header("Idempotency-Key", newKey()).send();
        assertThat(quoted.json().path("total").asLong()).isEqualTo(26_400);
        String escrowId = hold(service, client, quoted.json().path("id").asString(), 100_000, newKey()).json().path("id").asString();
        long feesBefore = platformFees();

        // Fast: 40 core-s (4,000) + 40 GB-s (400) + 1 GB out (5,000) = 9,400, doubled for PRIVATE = 18,800, done in
        // 20 s of a quoted 60 (within 50 %): bonus 10 % = 1,880. Slow: 100 core-s = 10,000 × 2 = 20,000, no bonus.
        Response settled = settle(service, escrowId, List.of(
                Map.of("host", fastHost, "usage", Map.of("cpuCoreSeconds", 40, "memoryMbSeconds", 40_960, "networkMb", 1024),
                        "succeeded", true, "durationSeconds", 20),
                hostReport(slowHost, 100, true, 50)), newKey());

        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        JsonNode escrow = settled.json();
        assertThat(escrow.path("status").asString()).isEqualTo("settled");
        assertThat(escrow.path("paidForUsage").asLong()).isEqualTo(38_800);
        assertThat(escrow.path("paidAsBonus").asLong()).isEqualTo(1_880);
        assertThat(escrow.path("platformFee").asLong()).isEqualTo(1_940);
        assertThat(escrow.path("refunded").asLong()).isEqualTo(100_000 - 38_800 - 1_880 - 1_940);
        assertThat(balance(fastHost)).isEqualTo(18_800 + 1_880);
        assertThat(balance(slowHost)).isEqualTo(20_000);
        assertThat(balance(client)).isEqualTo(CAES - 100_000 + 57_380);
        assertThat(platformFees() - feesBefore).isEqualTo(1_940);
        assertThat(escrowAccountBalance(escrowId)).isZero();
        assertThat(supply().path("balanced").asBoolean()).isTrue();
        Response entry = http.get(URI.create(settled.header("Location")).getPath()).bearer(clientToken(client)).send();
        assertThat(entry.json().path("kind").asString()).isEqualTo("settlement");
        assertThat(entry.json().path("postings").findValues("amount").stream().mapToLong(JsonNode::asLong).sum()).isZero();
        Response shown = http.get("/api/v1/payments/escrows/" + escrowId).bearer(service).send();
        assertThat(shown.json().path("payouts").findValuesAsString("host")).containsExactlyInAnyOrder(fastHost, slowHost);
    }

    @Test
    void shouldCutBonusesToWhatTheHoldHasLeftSoThePaymentNeverExceedsIt() {
        String client = fundedIdentity(CAES);
        String host = freshIdentity();
        // Quote 6,600 held exactly: usage 6,000 + fee 300 leave 300 of the wanted 600 bonus.
        String escrowId = heldEscrow(service, client, 6_600);

        Response settled = settle(service, escrowId, List.of(hostReport(host, 60, true, 1)), newKey());

        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        assertThat(settled.json().path("paidAsBonus").asLong()).isEqualTo(300);
        assertThat(settled.json().path("refunded").asLong()).isZero();
        assertThat(balance(host)).isEqualTo(6_300);
        assertThat(balance(client)).isEqualTo(CAES - 6_600);
    }

    @Test
    void shouldRefuseASettlementWhoseUsageExceedsTheHoldAndKeepItHeld() {
        String client = fundedIdentity(CAES);
        String escrowId = heldEscrow(service, client, 10_000);

        Response refused = settle(service, escrowId, List.of(hostReport(freshIdentity(), 100, true, 30)), newKey());

        assertProblem(refused, 422, "settlement-exceeds-hold");
        assertThat(refused.json().path("available").asLong()).isEqualTo(10_000);
        assertThat(refused.json().path("required").asLong()).isEqualTo(10_500);
        assertThat(escrowStatus(escrowId)).isEqualTo("held");
        assertThat(escrowAccountBalance(escrowId)).isEqualTo(10_000);
    }

    @Test
    void shouldRefundTheWholeHoldOnReleaseAndRefuseToCloseItTwice() {
        String client = fundedIdentity(CAES);
        String escrowId = heldEscrow(service, client, 50_000);

        Response released = release(service, escrowId, newKey());

        assertThat(released.status()).as(released.body()).isEqualTo(201);
        assertThat(released.json().path("status").asString()).isEqualTo("released");
        assertThat(released.json().path("refunded").asLong()).isEqualTo(50_000);
        assertThat(balance(client)).isEqualTo(CAES);
        assertThat(escrowAccountBalance(escrowId)).isZero();
        Response again = release(service, escrowId, newKey());
        assertProblem(again, 409, "escrow-closed");
        assertThat(again.json().path("escrowStatus").asString()).isEqualTo("released");
        assertProblem(settle(service, escrowId, List.of(hostReport(freshIdentity(), 1, true, 1)), newKey()), 409, "escrow-closed");
        assertThat(balance(client)).isEqualTo(CAES);
    }

    @Test
    void shouldRefundAnOverdueHoldOnExpiryAndRefuseToSettleItAfterwards() {
        String client = fundedIdentity(CAES);
        String escrowId = heldEscrow(service, client, 20_000);
        assertThat(balance(client)).isEqualTo(CAES - 20_000);

        clock.advance(Duration.ofSeconds(60).plus(Duration.ofHours(1)));
        assertProblem(settle(service, escrowId, List.of(hostReport(freshIdentity(), 1, true, 1)), newKey()), 409, "escrow-expired");
        escrows.expireOverdue();

        assertThat(escrowStatus(escrowId)).isEqualTo("expired");
        assertThat(balance(client)).isEqualTo(CAES);
        assertThat(escrowAccountBalance(escrowId)).isZero();
        assertProblem(release(service, escrowId, newKey()), 409, "escrow-closed");
        assertThat(supply().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void shouldHoldOnceWhenRetriedWithTheSameKeyAndReplayTheReplyByteForByte() {
        String client = fundedIdentity(CAES);
        String quote = quoteFor(client, 60);
        Map<String, Object> body = Map.of("client", client, "quoteId", quote, "executionId", "exec-retried", "amount", 7_000);
        String key = newKey();

        Response first = http.post("/api/v1/payments/escrows", body).bearer(service).header("Idempotency-Key", key).send();
        Response retry = http.post("/api/v1/payments/escrows", body).bearer(service).header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(balance(client)).isEqualTo(CAES - 7_000);
        Response another = http.post("/api/v1/payments/escrows", body).bearer(service).header("Idempotency-Key", newKey()).send();
        assertProblem(another, 409, "escrow-exists");
        assertThat(another.json().path("field").asString()).isEqualTo("executionId");
        assertThat(balance(client)).isEqualTo(CAES - 7_000);
    }

    @Test
    void shouldLetOnlyExecutionServiceHoldSettleAndRelease() {
        String client = fundedIdentity(CAES);
        String quote = quoteFor(client, 60);
        String escrowId = heldEscrow(service, client, 7_000);

        assertProblem(hold(clientToken(client), client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(hold(TOKENS.token(freshIdentity(), "host"), client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(settle(clientToken(client), escrowId, List.of(hostReport(client, 1, true, 1)), newKey()), 403, "forbidden");
        assertProblem(release(clientToken(client), escrowId, newKey()), 403, "forbidden");
        assertProblem(release(TOKENS.token(freshIdentity(), "host"), escrowId, newKey()), 403, "forbidden");
        assertProblem(hold(operatorToken(), client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(settle(operatorToken(), escrowId, List.of(hostReport(client, 1, true, 1)), newKey()), 403, "forbidden");
        assertProblem(release(operatorToken(), escrowId, newKey()), 403, "forbidden");
        assertProblem(hold(otherServiceToken(), client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(settle(otherServiceToken(), escrowId, List.of(hostReport(client, 1, true, 1)), newKey()), 403, "forbidden");
        assertProblem(release(otherServiceToken(), escrowId, newKey()), 403, "forbidden");
        assertThat(hold(service, client, quote, 7_000, newKey()).status()).isEqualTo(201);
        assertThat(release(service, escrowId, newKey()).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/payments/escrows", Map.of()).send().status()).isEqualTo(401);
    }

    @Test
    void shouldShowAHoldOnlyToItsClientExecutionServiceAndOperators() {
        String client = fundedIdentity(CAES);
        String escrowId = heldEscrow(service, client, 7_000);

        assertThat(http.get("/api/v1/payments/escrows/" + escrowId).bearer(clientToken(client)).send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/escrows/" + escrowId).bearer(operatorToken()).send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/escrows/" + escrowId).bearer(service).send().status()).isEqualTo(200);
        assertProblem(http.get("/api/v1/payments/escrows/" + escrowId).bearer(clientToken(freshIdentity())).send(), 404,
                "escrow-not-found");
        assertProblem(http.get("/api/v1/payments/escrows/" + escrowId).bearer(otherServiceToken()).send(), 404,
                "escrow-not-found");
    }

    @Test
    void shouldHoldOnlyAgainstTheClientsOwnUnexpiredQuoteAndOnlyWhatTheWalletHolds() {
        String client = fundedIdentity(10_000);
        String stranger = fundedIdentity(CAES);
        String quote = quoteFor(client, 60);

        assertProblem(hold(service, stranger, quote, 7_000, newKey()), 404, "quote-not-found");
        Response below = hold(service, client, quote, 6_599, newKey());
        assertProblem(below, 422, "hold-below-quote");
        assertThat(below.json().path("field").asString()).isEqualTo("amount");
        Response overdraw = hold(service, client, quote, 10_001, newKey());
        assertProblem(overdraw, 422, "insufficient-funds");
        assertThat(overdraw.json().path("available").asLong()).isEqualTo(10_000);
        clock.advance(Duration.ofMinutes(16));
        assertProblem(hold(service, client, quote, 7_000, newKey()), 422, "quote-expired");
        assertThat(balance(client)).isEqualTo(10_000);
    }

    @Test
    void shouldNameEveryInvalidFieldOfAHoldAndASettlement() {
        Response hold = http.post("/api/v1/payments/escrows", Map.of("client", "nobody", "executionId", "has space", "amount", 0))
                .bearer(service).header("Idempotency-Key", newKey()).send();
        assertProblem(hold, 400, "validation");
        assertThat(hold.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("client", "quoteId",
                "executionId", "amount");

        String escrowId = heldEscrow(service, fundedIdentity(CAES), 7_000);
        Response settle = settle(service, escrowId, List.of(Map.of("host", "nobody", "usage", Map.of("cpuCoreSeconds", -1),
                "durationSeconds", 1)), newKey());
        assertProblem(settle, 400, "validation");
        assertThat(settle.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("hosts[0].host",
                "hosts[0].usage.cpuCoreSeconds", "hosts[0].succeeded");
        String host = freshIdentity();
        Response twice = settle(service, escrowId, List.of(hostReport(host, 1, true, 1), hostReport(host, 2, true, 1)), newKey());
        assertProblem(twice, 400, "validation");
        assertThat(twice.json().path("errors").findValuesAsString("field")).containsExactly("hosts");
        assertThat(escrowStatus(escrowId)).isEqualTo("held");
    }

    private JsonNode supply() {
        return http.get("/api/v1/payments/supply").send().json();
    }

    private long escrowAccountBalance(String escrowId) {
        return jdbc.sql("select balance from accounts where code = :code").param("code", "escrow/" + escrowId)
                .query(Long.class).single();
    }

    private long platformFees() {
        return jdbc.sql("select balance from accounts where code = 'platform-fees'").query(Long.class).single();
    }

    private String escrowStatus(String escrowId) {
        return http.get("/api/v1/payments/escrows/" + escrowId).bearer(operatorToken()).send().json().path("status").asString();
    }
}
