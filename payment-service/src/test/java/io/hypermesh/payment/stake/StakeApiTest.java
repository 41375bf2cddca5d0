package io.hypermesh.payment.stake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.payment.MutableClock;
import io.hypermesh.payment.PaymentServiceTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class StakeApiTest extends PaymentServiceTest {

    private static final Duration UNLOCK_DELAY = Duration.ofDays(7);

    @Autowired
    StakeService stakeService;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldLockOwnCaesAsStakeAndShowTheStakeToAnyone() {
        String host = fundedIdentity(10 * CAES);
        long mintedBefore = supply().path("minted").asLong();

        Response staked = stake(host, 4 * CAES);

        assertThat(staked.status()).as(staked.body()).isEqualTo(201);
        assertThat(staked.json().path("kind").asString()).isEqualTo("stake");
        assertThat(staked.json().path("postings").findValuesAsString("account")).containsExactly(host, "stake/" + host);
        JsonNode stake = http.get("/api/v1/payments/stakes/" + host).send().json();
        assertThat(stake.path("staked").asLong()).isEqualTo(4 * CAES);
        assertThat(stake.path("unlocking").asLong()).isZero();
        assertThat(balance(host)).isEqualTo(6 * CAES);
        assertThat(supply().path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseToStakeMoreThanTheWalletHolds() {
        String host = fundedIdentity(CAES);

        assertProblem(stake(host, CAES + 1), 422, "insufficient-funds");
        assertThat(http.get("/api/v1/payments/stakes/" + host).send().json().path("staked").asLong()).isZero();
    }

    @Test
    void shouldReturnUnlockedStakeToTheWalletOnlyAfterTheDelay() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);

        Response unlock = unlock(host, 2 * CAES);

        assertThat(unlock.status()).as(unlock.body()).isEqualTo(202);
        Instant requested = Instant.parse(unlock.json().path("requestedAt").asString());
        assertThat(Instant.parse(unlock.json().path("availableAt").asString())).isEqualTo(requested.plus(UNLOCK_DELAY));
        JsonNode pending = http.get("/api/v1/payments/stakes/" + host).send().json();
        assertThat(pending.path("staked").asLong()).isEqualTo(3 * CAES);
        assertThat(pending.path("unlocking").asLong()).isEqualTo(2 * CAES);
        assertThat(pending.path("total").asLong()).isEqualTo(5 * CAES);

        clock.advance(UNLOCK_DELAY.minusMinutes(1));
        stakeService.releaseDue();
        assertThat(balance(host)).isEqualTo(5 * CAES);

        clock.advance(Duration.ofMinutes(2));
        stakeService.releaseDue();
        assertThat(balance(host)).isEqualTo(7 * CAES);
        JsonNode after = http.get("/api/v1/payments/stakes/" + host).send().json();
        assertThat(after.path("staked").asLong()).isEqualTo(3 * CAES);
        assertThat(after.path("unlocking").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from journal_entries where kind = 'unstake' and memo = :memo")
                .param("memo", "stake unlock " + unlock.json().path("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToUnlockMoreThanTheBondedStake() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);
        assertThat(unlock(host, 4 * CAES).status()).isEqualTo(202);

        Response tooMuch = unlock(host, 2 * CAES);

        assertProblem(tooMuch, 422, "insufficient-stake");
        assertThat(tooMuch.json().path("available").asLong()).isEqualTo(CAES);
    }

    @Test
    void shouldLetAnOperatorSlashToTheTreasuryWithTheReasonRecorded() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);
        long mintedBefore = supply().path("minted").asLong();
        long treasuryBefore = treasury();

        Response slashed = slash(host, 2 * CAES, "execution 42: output digest disagreed with the majority", operatorToken());

        assertThat(slashed.status()).as(slashed.body()).isEqualTo(201);
        assertThat(slashed.json().path("slashedBy").asString()).isEqualTo(operator);
        JsonNode recorded = http.get(URI.create(slashed.header("Location")).getPath()).send().json();
        assertThat(recorded.path("reason").asString()).isEqualTo("execution 42: output digest disagreed with the majority");
        assertThat(recorded.path("amount").asLong()).isEqualTo(2 * CAES);
        assertThat(http.get("/api/v1/payments/stakes/" + host + "/slashes").send().json().findValuesAsString("reason")).hasSize(1);
        assertThat(http.get("/api/v1/payments/stakes/" + host).send().json().path("staked").asLong()).isEqualTo(3 * CAES);
        assertThat(treasury() - treasuryBefore).isEqualTo(2 * CAES);
        assertThat(supply().path("minted").asLong()).isEqualTo(mintedBefore);
        assertThat(supply().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void shouldForbidSlashingToEveryoneButOperatorsAndExecutionService() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);

        for (String role : new String[] {"client", "host", "service"}) {
            assertProblem(slash(host, CAES, "spite", TOKENS.token(freshIdentity(), role)), 403, "forbidden");
        }
        assertProblem(http.post("/api/v1/payments/stakes/" + host + "/slashes", Map.of("amount", 1, "reason", "x")).send(),
                401, "unauthorized");
        assertThat(http.get("/api/v1/payments/stakes/" + host).send().json().path("staked").asLong()).isEqualTo(5 * CAES);
    }

    @Test
    void shouldRefuseToSlashMoreThanTheStakeHolds() {
        String host = fundedIdentity(10 * CAES);
        stake(host, CAES);

        assertProblem(slash(host, CAES + 1, "too much", operatorToken()), 422, "insufficient-stake");
    }

    @Test
    void shouldReleaseOnlyWhatASlashLeftOfAnUnlock() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);
        unlock(host, 4 * CAES);
        slash(host, 3 * CAES, "caught cheating while unbonding", operatorToken());

        clock.advance(UNLOCK_DELAY.plusMinutes(1));
        stakeService.releaseDue();

        assertThat(balance(host)).isEqualTo(7 * CAES);
        JsonNode stake = http.get("/api/v1/payments/stakes/" + host).send().json();
        assertThat(stake.path("total").asLong()).isZero();
        assertThat(stake.path("unlocking").asLong()).isZero();
    }

    @Test
    void shouldSlashOnceWhenTheSameSlashIsRetried() {
        String host = fundedIdentity(10 * CAES);
        stake(host, 5 * CAES);
        String key = newKey();
        Map<String, Object> body = Map.of("amount", CAES, "reason", "late result");

        Response first = http.post("/api/v1/payments/stakes/" + host + "/slashes", body).bearer(operatorToken())
                .header("Idempotency-Key", key).send();
        Response retry = http.post("/api/v1/payments/stakes/" + host + "/slashes", body).bearer(operatorToken())
                .header("Idempotency-Key", key).send();
        Response missingKey = http.post("/api/v1/payments/stakes", Map.of("amount", 1)).bearer(clientToken(host)).send();

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(http.get("/api/v1/payments/stakes/" + host).send().json().path("staked").asLong()).isEqualTo(4 * CAES);
        assertProblem(missingKey, 400, "idempotency-key-missing");
    }

    @Test
    void shouldNameEveryInvalidField() {
        String host = fundedIdentity(CAES);

        Response slash = http.post("/api/v1/payments/stakes/" + host + "/slashes", Map.of("amount", 0, "reason", " "))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();
        Response unlock = http.post("/api/v1/payments/stakes/unlocks", Map.of()).bearer(clientToken(host))
                .header("Idempotency-Key", newKey()).send();

        assertProblem(slash, 400, "validation");
        assertThat(slash.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("amount", "reason");
        assertProblem(unlock, 400, "validation");
        assertThat(unlock.json().path("errors").findValuesAsString("field")).containsExactly("amount");
        Response badPath = http.post("/api/v1/payments/stakes/nobody/slashes", Map.of("amount", 0, "reason", "x"))
                .bearer(operatorToken()).header("Idempotency-Key", newKey()).send();
        assertThat(badPath.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("identity", "amount");
        assertProblem(http.get("/api/v1/payments/stakes/nobody").send(), 400, "validation");
    }

    private Response stake(String identity, long amount) {
        return http.post("/api/v1/payments/stakes", Map.of("amount", amount)).bearer(TOKENS.token(identity, "host"))
                .header("Idempotency-Key", newKey()).send();
    }

    private Response unlock(String identity, long amount) {
        return http.post("/api/v1/payments/stakes/unlocks", Map.of("amount", amount)).bearer(TOKENS.token(identity, "host"))
                .header("Idempotency-Key", newKey()).send();
    }

    private Response slash(String identity, long amount, String reason, String token) {
        return http.post("/api/v1/payments/stakes/" + identity + "/slashes", Map.of("amount", amount, "reason", reason))
                .bearer(token).header("Idempotency-Key", newKey()).send();
    }

    private JsonNode supply() {
        return http.get("/api/v1/payments/supply").send().json();
    }

    private long treasury() {
        return jdbc.sql("select balance from accounts where code = 'treasury'").query(Long.class).single();
    }
}
