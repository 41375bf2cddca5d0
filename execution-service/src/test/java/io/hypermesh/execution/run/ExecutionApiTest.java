package io.hypermesh.execution.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.execution.ExecutionServiceTest;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.protocol.ExecutionOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The executions API of a service started without the other services' addresses: what it refuses, and in which order
 * (role, then body, then key, then whether executions can run at all). The saga itself runs in deploy's
 * ExecutionEndToEndTest, against the real services.
 */
class ExecutionApiTest extends ExecutionServiceTest {

    private static final String EXECUTIONS = "/api/v1/executions";

    @Autowired
    ExecutionRepository executions;

    private final String client = freshIdentity();
    private final String clientToken = TOKENS.token(client, "client");

    @Test
    void onlyAClientMaySubmit() {
        Response asHost = http.post(EXECUTIONS, body()).bearer(TOKENS.token(freshIdentity(), "host"))
                .header("Idempotency-Key", "k-1").send();
        assertProblem(asHost, 403, "forbidden");

        assertProblem(http.post(EXECUTIONS, body()).header("Idempotency-Key", "k-1").send(), 401, "unauthorized");
    }

    @Test
    void aBodyOutsideItsRulesNamesTheField() {
        Map<String, Object> body = body();
        body.put("redundancy", 9);

        Response response = http.post(EXECUTIONS, body).bearer(clientToken).header("Idempotency-Key", "k-2").send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("redundancy");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndMustBeVisibleAscii() {
        Response missing = http.post(EXECUTIONS, body()).bearer(clientToken).send();
        assertProblem(missing, 400, "validation");
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");

        Response spaced = http.post(EXECUTIONS, body()).bearer(clientToken).header("Idempotency-Key", "has space").send();
        assertProblem(spaced, 400, "validation");
    }

    @Test
    void aProofThatIsNotOneIsNamed() {
        Map<String, Object> body = body();
        body.put("proof", Map.of("stake", "nonsense"));

        Response response = http.post(EXECUTIONS, body).bearer(clientToken).header("Idempotency-Key", "k-3").send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("proof");
    }

    @Test
    void withoutTheOtherServicesExecutionsAreUnavailableAndNothingIsStored() {
        Response response = http.post(EXECUTIONS, body()).bearer(clientToken).header("Idempotency-Key", "k-4").send();

        assertProblem(response, 503, "executions-unavailable");
        Response mine = http.get(EXECUTIONS).bearer(clientToken).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("executions").size()).isZero();
    }

    @Test
    void anExecutionThatIsNotYoursDoesNotExist() {
        assertProblem(http.get(EXECUTIONS + "/ex-00000000000000000000000000000000").bearer(clientToken).send(),
                404, "execution-not-found");
        assertProblem(http.post(EXECUTIONS + "/ex-00000000000000000000000000000000/cancellations", Map.of())
                .bearer(clientToken).send(), 404, "execution-not-found");
    }

    @Test
    void listsOnlyYourExecutionsNewestFirstOnePageAtATime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String asset = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(store(client, "page-" + i, i == 1 ? UUID.randomUUID().toString() : asset, now.plusSeconds(i)).id());
        }
        store(freshIdentity(), "page-0", asset, now);

        Response first = http.get(EXECUTIONS + "?limit=2").bearer(clientToken).send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("executions").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(1));
        Response second = http.get(EXECUTIONS + "?limit=2&after=" + first.json().path("next").asString()).bearer(clientToken).send();
        assertThat(second.json().path("executions").findValuesAsString("id")).containsExactly(ids.get(0));
        assertThat(second.json().path("next").isNull()).isTrue();

        Response ofAsset = http.get(EXECUTIONS + "?assetId=" + asset + "&state=SUBMITTED").bearer(clientToken).send();
        assertThat(ofAsset.json().path("executions").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(0));
        assertThat(http.get(EXECUTIONS + "?state=COMPLETED").bearer(clientToken).send().json().path("executions").size()).isZero();
    }

    @Test
    void listingNamesABadFilterOrCursor() {
        Response state = http.get(EXECUTIONS + "?state=SLEEPING").bearer(clientToken).send();
        assertProblem(state, 400, "validation");

        Response cursor = http.get(EXECUTIONS + "?after=ex-nope").bearer(clientToken).send();
        assertProblem(cursor, 400, "validation");
        assertThat(cursor.json().path("errors").findValuesAsString("field")).containsExactly("after");
    }

    private Execution store(String owner, String key, String assetId, Instant createdAt) {
        ExecutionOperation operation = new ExecutionOperation(ExecutionOperation.executionId(owner, key), owner, assetId, 1,
                null, null, null, 1, "BALANCED", null, null, 1_000_000, createdAt.plus(1, ChronoUnit.HOURS));
        return executions.saveAndFlush(new Execution(operation.executionId(), owner, key, "digest", operation, "{}", createdAt));
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("assetId", "019abc12-3456-7def-8123-456789abcdef");
        body.put("version", 1);
        body.put("input", "to be or not to be");
        body.put("redundancy", 1);
        body.put("strategy", "BALANCED");
        body.put("maxPrice", 2_000_000);
        body.put("deadline", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        body.put("proof", Map.of("stake", Map.of("identity", "hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl",
                        "publicKey", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                        "signature", "R1oFISw4juVgn-si4-Cqo7DPU2wK9-NwY1WLsv4lEKlBgl-uYfptSxjwjx0id0k80y9DaJuKTCZ0iZ6uR7HjAg"),
                "work", Map.of("nonce", 1),
                "time", Map.of("anchorHeight", 0, "anchorHash", "0".repeat(64), "timestamp", 1),
                "space", Map.of("zone", "eu-west", "x", 0, "y", 0, "z", 0)));
        return body;
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
    }
}
