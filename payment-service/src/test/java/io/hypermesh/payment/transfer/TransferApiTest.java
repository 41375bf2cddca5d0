package io.hypermesh.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.PaymentServiceTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransferApiTest extends PaymentServiceTest {

    @Test
    void shouldMintIntoAWalletAndAnswerWithTheBalancedEntryAtItsLocation() {
        String alice = freshIdentity();

        Response minted = mint(alice, 5 * CAES);

        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(minted.json().path("kind").asString()).isEqualTo("mint");
        assertThat(minted.json().path("createdBy").asString()).isEqualTo(operator);
        assertThat(postingSum(minted.json())).isZero();
        assertThat(minted.json().path("postings").findValuesAsString("account")).containsExactly("mint", alice);
        Response fetched = http.get(URI.create(minted.header("Location")).getPath()).bearer(clientToken(alice)).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("id").asLong()).isEqualTo(minted.json().path("id").asLong());
        assertThat(balance(alice)).isEqualTo(5 * CAES);
    }

    @Test
    void shouldMoveMoneyFromThePayerToThePayeeInOneBalancedEntry() {
        String alice = fundedIdentity(10 * CAES);
        String bob = freshIdentity();

        Response paid = transfer(alice, bob, 3 * CAES + 1);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.header("Location")).contains("/api/v1/payments/entries/");
        assertThat(paid.json().path("createdBy").asString()).isEqualTo(alice);
        assertThat(postingSum(paid.json())).isZero();
        assertThat(balance(alice)).isEqualTo(7 * CAES - 1);
        assertThat(balance(bob)).isEqualTo(3 * CAES + 1);
    }

    @Test
    void shouldRefuseTransferThatWouldOverdraw() {
        String alice = fundedIdentity(2 * CAES);
        String bob = freshIdentity();

        Response refused = transfer(alice, bob, 2 * CAES + 1);

        assertProblem(refused, 422, "insufficient-funds");
        assertThat(refused.json().path("available").asLong()).isEqualTo(2 * CAES);
        assertThat(refused.json().path("required").asLong()).isEqualTo(2 * CAES + 1);
        assertThat(balance(alice)).isEqualTo(2 * CAES);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void shouldRefuseTransferFromAnIdentityThatNeverHeldMoney() {
        assertProblem(transfer(freshIdentity(), freshIdentity(), 1), 422, "insufficient-funds");
    }

    @Test
    void shouldRefuseTransferToYourself() {
        String alice = fundedIdentity(CAES);

        assertProblem(transfer(alice, alice, 1), 422, "self-transfer");
        assertThat(balance(alice)).isEqualTo(CAES);
    }

    @Test
    void shouldForbidMintingToEveryoneButOperators() {
        String alice = freshIdentity();
        Map<String, Object> body = Map.of("account", alice, "amount", CAES);
        for (String role : new String[] {"client", "host", "service"}) {
            Response response = http.post("/api/v1/payments/mints", body).bearer(TOKENS.token(alice, role))
                    .header("Idempotency-Key", newKey()).send();
            assertProblem(response, 403, "forbidden");
        }
        assertThat(balance(alice)).isZero();
    }

    @Test
    void shouldForbidTransfersToTokensWithoutAPayingRole() {
        String service = fundedIdentity(CAES);
        Response response = http.post("/api/v1/payments/transfers", Map.of("to", freshIdentity(), "amount", 1))
                .bearer(TOKENS.token(service, "service")).header("Idempotency-Key", newKey()).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void shouldNameEveryInvalidField() {
        String alice = fundedIdentity(CAES);
        Response invalid = http.post("/api/v1/payments/transfers", Map.of("to", "bob", "amount", 0, "memo", "x".repeat(501)))
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send();

        assertProblem(invalid, 400, "validation");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("to", "amount", "memo");

        Response negative = http.post("/api/v1/payments/mints", Map.of("account", alice, "amount", -5))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();
        assertProblem(negative, 400, "validation");
        assertThat(negative.json().path("errors").findValuesAsString("field")).containsExactly("amount");

        Response missing = http.post("/api/v1/payments/mints", Map.of("memo", "nothing else"))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("account", "amount");
        assertThat(balance(alice)).isEqualTo(CAES);
    }

    @Test
    void shouldRefuseFractionalQuotedAndBooleanAmountsInsteadOfTruncatingThem() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        for (String amount : new String[] {"1.5", "2.9", "2.0", "1e3", "\"5\"", "true", "99999999999999999999"}) {
            Response refused = http.post("/api/v1/payments/transfers", "{\"to\": \"" + bob + "\", \"amount\": " + amount + "}")
                    .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send();

            assertProblem(refused, 400, "validation");
            assertThat(refused.json().path("errors").findValuesAsString("field")).as(amount).containsExactly("amount");
            assertThat(refused.json().path("errors").get(0).path("message").asString()).as(amount).contains("integer");
        }
        Response stake = http.post("/api/v1/payments/stakes", "{\"amount\": 1.7}")
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send();
        assertProblem(stake, 400, "validation");
        assertThat(balance(alice)).isEqualTo(CAES);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void shouldRefuseADuplicatedAmountInsteadOfTakingTheLastOne() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();

        Response refused = http.post("/api/v1/payments/transfers",
                        "{\"to\": \"" + bob + "\", \"amount\": 1, \"amount\": 900000}")
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send();

        assertProblem(refused, 400, "validation");
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("amount");
        assertThat(balance(bob)).isZero();
    }

    @Test
    void shouldRefuseANulCharacterInAMemoByName() {
        String alice = fundedIdentity(CAES);

        Response refused = http.post("/api/v1/payments/transfers",
                        Map.of("to", freshIdentity(), "amount", 1, "memo", "rent\u0000"))
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send();

        assertProblem(refused, 400, "validation");
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("memo");
        assertThat(balance(alice)).isEqualTo(CAES);
    }

    @Test
    void shouldRefuseAmountsAboveTheLimitPerRequest() {
        Response tooMuch = http.post("/api/v1/payments/mints", Map.of("account", freshIdentity(), "amount", Long.MAX_VALUE))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();

        assertProblem(tooMuch, 400, "validation");
        assertThat(tooMuch.json().path("errors").findValuesAsString("field")).containsExactly("amount");
    }

    @Test
    void shouldRefuseBalanceAndPayerFieldsSmuggledIntoARequest() {
        String alice = fundedIdentity(CAES);
        String mallory = freshIdentity();

        Response fromAlice = http.post("/api/v1/payments/transfers", Map.of("to", mallory, "amount", 1, "from", alice))
                .bearer(clientToken(mallory)).header("Idempotency-Key", newKey()).send();
        Response withBalance = http.post("/api/v1/payments/transfers", Map.of("to", alice, "amount", 1, "balance", 1_000 * CAES))
                .bearer(clientToken(mallory)).header("Idempotency-Key", newKey()).send();

        // The payer is always the token's subject; 'from' and 'balance' are not part of the API and are refused by name.
        assertProblem(fromAlice, 400, "validation");
        assertThat(fromAlice.json().path("errors").findValuesAsString("field")).containsExactly("from");
        assertProblem(withBalance, 400, "validation");
        assertThat(withBalance.json().path("errors").findValuesAsString("field")).containsExactly("balance");
        assertThat(balance(alice)).isEqualTo(CAES);
        assertThat(balance(mallory)).isZero();
    }

    @Test
    void shouldGrowSupplyByExactlyWhatIsMintedAndNotByTransfers() {
        JsonNode before = http.get("/api/v1/payments/supply").send().json();
        String alice = fundedIdentity(4 * CAES);
        transfer(alice, freshIdentity(), CAES);
        JsonNode after = http.get("/api/v1/payments/supply").send().json();

        assertThat(after.path("balanced").asBoolean()).isTrue();
        assertThat(after.path("minted").asLong()).isEqualTo(after.path("held").asLong());
        // Other tests may mint at the same time only in other JVMs; this JVM runs tests one at a time.
        assertThat(after.path("minted").asLong() - before.path("minted").asLong()).isEqualTo(4 * CAES);
    }

    private static long postingSum(JsonNode entry) {
        long sum = 0;
        for (JsonNode posting : entry.path("postings")) {
            sum += posting.path("amount").asLong();
        }
        return sum;
    }
}
