package io.hypermesh.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorisation rules of issue 4 §5 and §7, one test each, plus OWASP API1 (broken object-level
 * authorisation: B reaching A's account, statement, entries, escrow, quote or stake), API5 (broken
 * function-level authorisation: a client calling hold, settle, release, mint or slash) and mass assignment
 * (a body carrying balance, owner, from, identity or status is refused naming the field).
 */
class AuthorizationTest extends PaymentServiceTest {

    @Test
    void shouldLetOnlyOperatorsMint() {
        String wallet = freshIdentity();
        for (String token : List.of(clientToken(wallet), TOKENS.token(freshIdentity(), "host"), otherServiceToken(),
                executionServiceToken())) {
            Response refused = http.post("/api/v1/payments/mints", Map.of("account", wallet, "amount", CAES))
                    .bearer(token).header("Idempotency-Key", newKey()).send();
            assertProblem(refused, 403, "forbidden");
        }
        assertThat(balance(wallet)).isZero();
        assertThat(mint(wallet, CAES).status()).isEqualTo(201);
        assertThat(balance(wallet)).isEqualTo(CAES);
    }

    @Test
    void shouldLetExecutionServiceSlashWithTheReasonAndItsIdentityRecorded() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);

        Response slashed = slash(host, 2 * CAES, "execution 9: wrong result", executionServiceToken());

        assertThat(slashed.status()).as(slashed.body()).isEqualTo(201);
        assertThat(slashed.json().path("slashedBy").asString()).isEqualTo(EXECUTION_SERVICE);
        Response recorded = http.get(URI.create(slashed.header("Location")).getPath()).send();
        assertThat(recorded.json().path("reason").asString()).isEqualTo("execution 9: wrong result");
        assertThat(recorded.json().path("slashedBy").asString()).isEqualTo(EXECUTION_SERVICE);
        assertProblem(slash(host, CAES, "not execution-service", otherServiceToken()), 403, "forbidden");
        assertThat(http.get("/api/v1/payments/stakes/" + host).send().json().path("staked").asLong()).isEqualTo(3 * CAES);
    }

    @Test
    void shouldRefuseAClientEveryPrivilegedFunction() {
        String client = fundedIdentity(CAES);
        String quote = quoteFor(client, 60);
        String escrowId = heldEscrow(executionServiceToken(), client, 7_000);
        String victim = fundedIdentity(CAES);
        stake(victim, CAES);
        String token = clientToken(client);
        long minted = supply("minted");

        assertProblem(hold(token, client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(settle(token, escrowId, List.of(hostReport(client, 1, true, 1)), newKey()), 403, "forbidden");
        assertProblem(release(token, escrowId, newKey()), 403, "forbidden");
        assertProblem(http.post("/api/v1/payments/mints", Map.of("account", client, "amount", CAES)).bearer(token)
                .header("Idempotency-Key", newKey()).send(), 403, "forbidden");
        assertProblem(slash(victim, CAES, "spite", token), 403, "forbidden");

        assertThat(balance(client)).isEqualTo(CAES - 7_000);
        assertThat(escrowStatus(escrowId)).isEqualTo("held");
        assertThat(http.get("/api/v1/payments/stakes/" + victim).send().json().path("staked").asLong()).isEqualTo(CAES);
        assertThat(supply("minted")).isEqualTo(minted);
    }

    @Test
    void shouldNeverTakeExecutionServiceFromATokenThatClaimsIt() {
        String client = fundedIdentity(CAES);
        String quote = quoteFor(client, 60);

        // The role is derived from configuration: naming it in a token, or having the right subject with
        // another role, or role service with another subject, is not execution-service.
        assertProblem(hold(TOKENS.token(freshIdentity(), "service", "execution-service"), client, quote, 7_000, newKey()),
                403, "forbidden");
        assertProblem(hold(TOKENS.token(EXECUTION_SERVICE, "client"), client, quote, 7_000, newKey()), 403, "forbidden");
        assertProblem(hold(otherServiceToken(), client, quote, 7_000, newKey()), 403, "forbidden");
        assertThat(hold(executionServiceToken(), client, quote, 7_000, newKey()).status()).isEqualTo(201);
    }

    @Test
    void shouldHideEveryObjectOfAnotherIdentity() {
        String alice = fundedIdentity(CAES);
        String bob = fundedIdentity(CAES);
        String entryPath = URI.create(transfer(alice, freshIdentity(), 10).header("Location")).getPath();
        String quote = quoteFor(alice, 60);
        String escrowId = heldEscrow(executionServiceToken(), alice, 7_000);
        String asBob = clientToken(bob);

        assertProblem(http.get("/api/v1/payments/accounts/" + alice).bearer(asBob).send(), 404, "account-not-found");
        assertProblem(http.get("/api/v1/payments/accounts/" + alice + "/entries").bearer(asBob).send(), 404,
                "account-not-found");
        assertProblem(http.get(entryPath).bearer(asBob).send(), 404, "entry-not-found");
        assertProblem(http.get("/api/v1/payments/quotes/" + quote).bearer(asBob).send(), 404, "quote-not-found");
        assertProblem(http.get("/api/v1/payments/escrows/" + escrowId).bearer(asBob).send(), 404, "escrow-not-found");
        // A hold against Alice's quote for Bob's execution is refused as if the quote did not exist.
        assertProblem(hold(executionServiceToken(), bob, quote, 7_000, newKey()), 404, "quote-not-found");
        assertThat(http.get("/api/v1/payments/accounts/" + alice).bearer(clientToken(alice)).send().status()).isEqualTo(200);
    }

    @Test
    void shouldNeverMoveAnotherIdentitysMoney() {
        String alice = fundedIdentity(CAES);
        String bob = fundedIdentity(CAES);
        stake(alice, CAES / 2);
        String asBob = clientToken(bob);

        // No body names a payer or a staker: they are always the token's subject, and naming one is refused.
        Response transfer = http.post("/api/v1/payments/transfers", Map.of("from", alice, "to", bob, "amount", 100))
                .bearer(asBob).header("Idempotency-Key", newKey()).send();
        Response unlock = http.post("/api/v1/payments/stakes/unlocks", Map.of("identity", alice, "amount", 100))
                .bearer(asBob).header("Idempotency-Key", newKey()).send();

        assertValidationNaming(transfer, "from");
        assertValidationNaming(unlock, "identity");
        assertThat(balance(alice)).isEqualTo(CAES / 2);
        assertThat(balance(bob)).isEqualTo(CAES);
        assertThat(http.get("/api/v1/payments/stakes/" + alice).send().json().path("staked").asLong()).isEqualTo(CAES / 2);
    }

    @Test
    void shouldRefuseBodiesThatTryToAssignBalancesOwnersOrStatus() {
        String alice = fundedIdentity(CAES);
        String bob = freshIdentity();
        String escrowId = heldEscrow(executionServiceToken(), alice, 7_000);

        assertValidationNaming(http.post("/api/v1/payments/transfers", Map.of("to", bob, "amount", 1, "balance", CAES * 1000))
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send(), "balance");
        assertValidationNaming(http.post("/api/v1/payments/mints", Map.of("account", bob, "amount", 1, "owner", alice))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send(), "owner");
        assertValidationNaming(http.post("/api/v1/payments/stakes", Map.of("amount", 1, "staked", CAES))
                .bearer(clientToken(alice)).header("Idempotency-Key", newKey()).send(), "staked");
        Map<String, Object> host = Map.of("host", bob, "usage", Map.of("cpuCoreSeconds", 1), "succeeded", true,
                "durationSeconds", 1, "bonus", CAES);
        assertValidationNaming(settle(executionServiceToken(), escrowId, List.of(host), newKey()), "hosts[0].bonus");
        assertValidationNaming(http.post("/api/v1/payments/escrows/" + escrowId + "/releases", Map.of("status", "released"))
                .bearer(executionServiceToken()).header("Idempotency-Key", newKey()).send(), "status");

        assertThat(balance(alice)).isEqualTo(CAES - 7_000);
        assertThat(balance(bob)).isZero();
        assertThat(escrowStatus(escrowId)).isEqualTo("held");
    }

    @Test
    void shouldNotOfferTheFaucetUnlessConfigured() {
        Response faucet = http.post("/api/v1/payments/faucet", Map.of()).bearer(clientToken(freshIdentity()))
                .header("Idempotency-Key", newKey()).send();

        assertProblem(faucet, 404, "not-found");
    }

    private void stake(String identity, long amount) {
        Response staked = http.post("/api/v1/payments/stakes", Map.of("amount", amount)).bearer(TOKENS.token(identity, "host"))
                .header("Idempotency-Key", newKey()).send();
        assertThat(staked.status()).as(staked.body()).isEqualTo(201);
    }

    private Response slash(String identity, long amount, String reason, String token) {
        return http.post("/api/v1/payments/stakes/" + identity + "/slashes", Map.of("amount", amount, "reason", reason))
                .bearer(token).header("Idempotency-Key", newKey()).send();
    }

    private String escrowStatus(String escrowId) {
        return http.get("/api/v1/payments/escrows/" + escrowId).bearer(operatorToken()).send().json().path("status").asString();
    }

    private long supply(String figure) {
        return http.get("/api/v1/payments/supply").send().json().path(figure).asLong();
    }

    private static void assertValidationNaming(Response response, String field) {
        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(field);
    }
}
