package io.hypermesh.payment.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.PaymentServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountApiTest extends PaymentServiceTest {

    @Test
    void shouldShowAnAccountToItsOwnerAndToOperators() {
        String alice = fundedIdentity(3 * CAES);

        Response own = http.get("/api/v1/payments/accounts/" + alice).bearer(clientToken(alice)).send();
        Response byOperator = http.get("/api/v1/payments/accounts/" + alice).bearer(operatorToken()).send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("identity").asString()).isEqualTo(alice);
        assertThat(own.json().path("balance").asLong()).isEqualTo(3 * CAES);
        assertThat(own.json().path("staked").asLong()).isZero();
        assertThat(byOperator.json().path("balance").asLong()).isEqualTo(3 * CAES);
    }

    @Test
    void shouldAnswerAnotherIdentitysAccountAsNotFoundSoExistenceDoesNotLeak() {
        String alice = fundedIdentity(CAES);
        String eve = freshIdentity();

        String unknown = freshIdentity();
        Response snooped = http.get("/api/v1/payments/accounts/" + alice).bearer(TOKENS.token(eve, "client", "host")).send();
        Response never = http.get("/api/v1/payments/accounts/" + unknown).bearer(clientToken(eve)).send();

        assertProblem(snooped, 404, "account-not-found");
        assertProblem(never, 404, "account-not-found");
        assertThat(snooped.body().replace(alice, "someone")).isEqualTo(never.body().replace(unknown, "someone"));
        assertProblem(http.get("/api/v1/payments/accounts/" + alice + "/entries").bearer(clientToken(eve)).send(),
                404, "account-not-found");
    }

    @Test
    void shouldRequireATokenToSeeAnAccount() {
        assertProblem(http.get("/api/v1/payments/accounts/" + freshIdentity()).send(), 401, "unauthorized");
    }

    @Test
    void shouldShowAnIdentityThatNeverHeldMoneyAsAnEmptyAccount() {
        String newcomer = freshIdentity();

        assertThat(balance(newcomer)).isZero();
        Response statement = http.get("/api/v1/payments/accounts/" + newcomer + "/entries").bearer(clientToken(newcomer)).send();
        assertThat(statement.json().path("items").size()).isZero();
        assertThat(statement.json().path("next").isNull()).isTrue();
    }

    @Test
    void shouldPageAStatementOldestFirstWithACursor() {
        String alice = freshIdentity();
        String bob = freshIdentity();
        for (int i = 1; i <= 4; i++) {
            mint(alice, i * CAES);
        }
        transfer(alice, bob, 2 * CAES);

        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "?limit=2" + (cursor == null ? "" : "&after=" + cursor);
            JsonNode page = http.get("/api/v1/payments/accounts/" + alice + "/entries" + query).bearer(clientToken(alice)).send().json();
            page.path("items").forEach(lines::add);
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(lines).extracting(line -> line.path("amount").asLong())
                .containsExactly(CAES, 2 * CAES, 3 * CAES, 4 * CAES, -2 * CAES);
        assertThat(lines).extracting(line -> line.path("balanceAfter").asLong())
                .containsExactly(CAES, 3 * CAES, 6 * CAES, 10 * CAES, 8 * CAES);
        assertThat(lines.get(4).path("kind").asString()).isEqualTo("transfer");
        assertThat(lines.get(4).path("counterparty").asString()).isEqualTo(bob);
        assertThat(lines.get(0).path("counterparty").asString()).isEqualTo("mint");
    }

    @Test
    void shouldNameAnInvalidPageSizeAndAMalformedIdentity() {
        String alice = freshIdentity();

        Response tooLarge = http.get("/api/v1/payments/accounts/" + alice + "/entries?limit=201").bearer(clientToken(alice)).send();
        Response malformed = http.get("/api/v1/payments/accounts/not-an-identity").bearer(operatorToken()).send();

        assertProblem(tooLarge, 400, "validation");
        assertThat(tooLarge.json().path("errors").findValuesAsString("field")).containsExactly("limit");
        assertProblem(malformed, 400, "validation");
        assertThat(malformed.json().path("errors").findValuesAsString("field")).containsExactly("identity");
    }

    @Test
    void shouldShowAJournalEntryOnlyToTheIdentitiesItTouchedAndOperators() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String path = "/api/v1/payments/entries/" + transfer(alice, bob, 1).json().path("id").asLong();

        assertThat(http.get(path).bearer(clientToken(alice)).send().status()).isEqualTo(200);
        assertThat(http.get(path).bearer(clientToken(bob)).send().status()).isEqualTo(200);
        assertThat(http.get(path).bearer(operatorToken()).send().status()).isEqualTo(200);
        assertProblem(http.get(path).bearer(clientToken(freshIdentity())).send(), 404, "entry-not-found");
        Response entry = http.get(path).bearer(clientToken(bob)).send();
        assertThat(entry.body()).doesNotContain("balance");
    }

    @Test
    void shouldServeTheSupplyPubliclyWithMintedEqualToHeld() {
        fundedIdentity(7);

        JsonNode supply = http.get("/api/v1/payments/supply").send().json();

        assertThat(supply.path("minted").asLong()).isPositive().isEqualTo(supply.path("held").asLong());
        assertThat(supply.path("balanced").asBoolean()).isTrue();
    }
}
