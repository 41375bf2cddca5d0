package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchAppendApiTest extends LedgerServiceTest {

    private final Ed25519.Signer author = Ed25519.generate();

    private List<Map<String, Object>> operations(int count) {
        List<Map<String, Object>> operations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> payload = uniquePayload();
            operations.add(appendBody("EXECUTION", payload, proof(author, "EXECUTION", payload, DIFFICULTY)));
        }
        return operations;
    }

    private Response appendBatch(List<Map<String, Object>> operations, String key, String token) {
        return http.post("/api/v1/ledger/blocks/batch", Map.of("operations", operations))
                .bearer(token).header("Idempotency-Key", key).send();
    }

    @Test
    void shouldAppendABatchAsConsecutiveLinkedBlocks() {
        long before = head().path("height").asLong();

        Response response = appendBatch(operations(5), UUID.randomUUID().toString(), serviceToken());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode blocks = response.json().path("blocks");
        assertThat(blocks.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(blocks.get(i).path("height").asLong()).isEqualTo(before + 1 + i);
        }
        assertThat(blocks.get(1).path("previousHash").asString()).isEqualTo(blocks.get(0).path("hash").asString());
        assertThat(head().path("height").asLong()).isEqualTo(before + 5);
        JsonNode report = http.get("/api/v1/ledger/verify?from=" + before).send().json();
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(http.get(response.header("Location").replaceFirst("^https?://[^/]+", "")).send().json().path("blocks")).isEqualTo(blocks);
    }

    @Test
    void shouldAppendNothingWhenOneOperationIsRefusedAndNameIt() {
        List<Map<String, Object>> operations = operations(3);
        ConsensusProof honest = ConsensusProof.fromJson((JsonNode) operations.get(2).get("proof"));
        ConsensusProof forged = new ConsensusProof(new ConsensusProof.Stake(honest.stake().publicKey(), honest.stake().identity(),
                Ed25519.generate().signBase64Url(new byte[32])), honest.work(), honest.time(), honest.space());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) operations.get(2).get("payload");
        operations.set(2, appendBody("EXECUTION", payload, forged));
        JsonNode before = head();

        Response response = appendBatch(operations, UUID.randomUUID().toString(), serviceToken());

        assertProblem(response, 422, "proof-stake-invalid");
        assertThat(response.json().path("index").asInt()).isEqualTo(2);
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTheSameProofTwiceInOneBatch() {
        List<Map<String, Object>> operations = operations(1);
        operations.add(operations.get(0));
        JsonNode before = head();

        Response response = appendBatch(operations, UUID.randomUUID().toString(), serviceToken());

        assertProblem(response, 422, "proof-replayed");
        assertThat(response.json().path("index").asInt()).isEqualTo(1);
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void shouldAnswerABatchRetryWithTheSameBlocks() {
        List<Map<String, Object>> operations = operations(3);
        String key = UUID.randomUUID().toString();
        String token = serviceToken();

        Response first = appendBatch(operations, key, token);
        Response retry = appendBatch(operations, key, token);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void shouldNameInvalidFieldsOfBatchOperations() {
        List<Map<String, Object>> operations = operations(2);
        operations.get(1).put("type", "lower-case");

        Response response = appendBatch(operations, UUID.randomUUID().toString(), serviceToken());
        Response empty = appendBatch(List.of(), UUID.randomUUID().toString(), serviceToken());

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("operations[1].type");
        assertThat(empty.json().path("errors").findValuesAsString("field")).containsExactly("operations");
    }

    @Test
    void shouldForbidBatchesToClients() {
        assertProblem(appendBatch(operations(1), UUID.randomUUID().toString(), TOKENS.token(freshIdentity(), "client")), 403, "forbidden");
    }
}
