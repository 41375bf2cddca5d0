package io.hypermesh.ledger.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.ledger.LedgerServiceTest;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.OperationDigest;
import io.hypermesh.protocol.ProofOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BlockAppendApiTest extends LedgerServiceTest {

    private final Ed25519.Signer author = Ed25519.generate();

    @Test
    void shouldAppendAnOperationWhoseProofHoldsAndServeItAtItsLocation() {
        JsonNode before = head();
        Map<String, Object> payload = uniquePayload();
        ConsensusProof proof = proof(author, "DEPLOYMENT", payload, DIFFICULTY);

        Response created = append(appendBody("DEPLOYMENT", payload, proof), UUID.randomUUID().toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode block = created.json();
        long height = block.path("height").asLong();
        assertThat(height).isGreaterThan(before.path("height").asLong());
        assertThat(created.header("Location")).endsWith("/api/v1/ledger/blocks/" + height);
        assertThat(block.path("author").asString()).isEqualTo(author.identity().value());
        assertThat(block.path("payloadDigest").asString()).isEqualTo(OperationDigest.hexOf(CanonicalJson.tree(payload)));
        assertThat(block.path("proofDigest").asString()).isEqualTo(proof.digest());
        JsonNode parent = http.get("/api/v1/ledger/blocks/" + (height - 1)).send().json();
        assertThat(block.path("previousHash").asString()).isEqualTo(parent.path("hash").asString());
        BlockHeader header = new BlockHeader(height, parent.path("hash").asString(), "DEPLOYMENT",
                block.path("payloadDigest").asString(), proof.digest(), author.identity().value(),
                Instant.parse(block.path("timestamp").asString()));
        assertThat(block.path("hash").asString()).isEqualTo(header.hash());
        assertThat(http.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).send().json()).isEqualTo(block);
    }

    @Test
    void shouldForbidAppendsToClientsAndHosts() {
        Map<String, Object> payload = uniquePayload();
        Response response = http.post("/api/v1/ledger/blocks", appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)))
                .bearer(TOKENS.token(author.identity().value(), "client", "host"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void shouldLetAnOperatorAppend() {
        Map<String, Object> payload = uniquePayload();
        Response response = http.post("/api/v1/ledger/blocks", appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)))
                .bearer(TOKENS.token(freshIdentity(), "operator"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void shouldNameEveryInvalidField() {
        Map<String, Object> invalid = Map.of(
                "type", "not a type",
                "payload", java.util.List.of(1, 2),
                "proof", Map.of(
                        "stake", Map.of("publicKey", "", "identity", author.identity().value(), "signature", "x"),
                        "time", Map.of("timestamp", 1, "anchorHeight", 0, "anchorHash", "00"),
                        "space", Map.of("zone", "eu-west", "x", 1, "y", 2)));

        Response response = append(invalid, UUID.randomUUID().toString());

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "type", "payloadObject", "proof.stake.publicKey", "proof.work", "proof.space.z");
    }

    @Test
    void shouldRefuseGenesisAndAPayloadWithoutCanonicalForm() {
        Map<String, Object> payload = uniquePayload();
        Response genesis = append(appendBody("GENESIS", payload, proof(author, "GENESIS", payload, DIFFICULTY)), UUID.randomUUID().toString());
        assertProblem(genesis, 400, "validation");
        assertThat(genesis.json().path("errors").findValuesAsString("field")).containsExactly("notGenesis");

        Map<String, Object> huge = Map.of("amount", 1L << 60);
        Response response = append(appendBody("DEPLOYMENT", huge, proof(author, "DEPLOYMENT", Map.of("amount", 1), DIFFICULTY)),
                UUID.randomUUID().toString());
        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("payload");
    }

    @Test
    void shouldRequireAnIdempotencyKey() {
        Map<String, Object> payload = uniquePayload();
        Response response = http.post("/api/v1/ledger/blocks", appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)))
                .bearer(serviceToken()).send();

        assertProblem(response, 400, "idempotency-key-missing");
    }

    @Test
    void shouldAnswerARetryWithTheIdenticalBlockAndAppendOnlyOnce() {
        Map<String, Object> payload = uniquePayload();
        Map<String, Object> body = appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY));
        String key = UUID.randomUUID().toString();
        String caller = serviceToken();

        Response first = http.post("/api/v1/ledger/blocks", body).bearer(caller).header("Idempotency-Key", key).send();
        long headAfterFirst = head().path("height").asLong();
        Response retry = http.post("/api/v1/ledger/blocks", body).bearer(caller).header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(head().path("height").asLong()).isEqualTo(headAfterFirst);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForAnotherOperation() {
        String key = UUID.randomUUID().toString();
        String caller = serviceToken();
        Map<String, Object> payload = uniquePayload();
        Response first = http.post("/api/v1/ledger/blocks", appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)))
                .bearer(caller).header("Idempotency-Key", key).send();
        assertThat(first.status()).isEqualTo(201);

        Map<String, Object> other = uniquePayload();
        Response second = http.post("/api/v1/ledger/blocks", appendBody("DEPLOYMENT", other, proof(author, "DEPLOYMENT", other, DIFFICULTY)))
                .bearer(caller).header("Idempotency-Key", key).send();

        assertProblem(second, 422, "idempotency-key-reused");
    }

    @Test
    void shouldRefuseAForgedSignatureAsStakeInvalidAndLeaveTheChainUntouched() {
        Map<String, Object> payload = uniquePayload();
        ConsensusProof honest = proof(author, "DEPLOYMENT", payload, DIFFICULTY);
        ConsensusProof forged = new ConsensusProof(new ConsensusProof.Stake(honest.stake().publicKey(), honest.stake().identity(),
                Ed25519.generate().signBase64Url(new byte[32])), honest.work(), honest.time(), honest.space());

        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", payload, forged), UUID.randomUUID().toString()),
                "proof-stake-invalid", "stake");
    }

    @Test
    void shouldRefuseAnIdentityThatIsNotTheKeysAndAProofForAnotherPayloadAsStakeInvalid() {
        Map<String, Object> payload = uniquePayload();
        ConsensusProof honest = proof(author, "DEPLOYMENT", payload, DIFFICULTY);
        ConsensusProof foreign = new ConsensusProof(new ConsensusProof.Stake(honest.stake().publicKey(), freshIdentity(),
                honest.stake().signature()), honest.work(), honest.time(), honest.space());

        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", payload, foreign), UUID.randomUUID().toString()),
                "proof-stake-invalid", "stake");
        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", uniquePayload(), honest), UUID.randomUUID().toString()),
                "proof-stake-invalid", "stake");
    }

    @Test
    void shouldRefuseWorkBelowTheDifficultyAsWorkInsufficient() {
        Map<String, Object> payload = uniquePayload();
        ConsensusProof unmined = proof(author, "DEPLOYMENT", payload, 0);
        byte[] binding = unmined.bindingDigest("DEPLOYMENT", OperationDigest.of(CanonicalJson.tree(payload)));
        long weakNonce = 0;
        while (ProofOfWork.leadingZeroBits(ProofOfWork.hash(binding, weakNonce)) >= DIFFICULTY) {
            weakNonce++;
        }
        ConsensusProof weak = new ConsensusProof(unmined.stake(), new ConsensusProof.Work(weakNonce), unmined.time(), unmined.space());

        Response response = assertRefusedWithHeadUnchanged(
                () -> append(appendBody("DEPLOYMENT", payload, weak), UUID.randomUUID().toString()), "proof-work-insufficient", "work");
        assertThat(response.json().path("detail").asString()).contains("needs " + DIFFICULTY);
    }

    @Test
    void shouldRefuseAStaleTimestampAnUnknownAnchorAndATimestampBeforeItsAnchorAsTimeInvalid() {
        JsonNode head = head();
        long anchorHeight = head.path("height").asLong();
        String anchorHash = head.path("hash").asString();
        Instant anchorTime = Instant.parse(head.path("timestamp").asString());

        Map<String, Object> stalePayload = uniquePayload();
        ConsensusProof stale = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(stalePayload), anchorHeight, anchorHash,
                Instant.now().minus(Duration.ofMinutes(10)), "eu-west", 1, 2, 3, DIFFICULTY);
        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", stalePayload, stale), UUID.randomUUID().toString()),
                "proof-time-invalid", "time");

        Map<String, Object> unknownPayload = uniquePayload();
        ConsensusProof unknownAnchor = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(unknownPayload), anchorHeight,
                "ab".repeat(32), Instant.now(), "eu-west", 1, 2, 3, DIFFICULTY);
        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", unknownPayload, unknownAnchor), UUID.randomUUID().toString()),
                "proof-time-invalid", "time");

        Map<String, Object> earlyPayload = uniquePayload();
        ConsensusProof beforeAnchor = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(earlyPayload), anchorHeight,
                anchorHash, anchorTime.minusMillis(1), "eu-west", 1, 2, 3, DIFFICULTY);
        Response early = assertRefusedWithHeadUnchanged(
                () -> append(appendBody("DEPLOYMENT", earlyPayload, beforeAnchor), UUID.randomUUID().toString()), "proof-time-invalid", "time");
        assertThat(early.json().path("detail").asString()).satisfiesAnyOf(
                detail -> assertThat(detail).contains("older than its anchor"),
                detail -> assertThat(detail).contains("allowed drift")); // when the head is older than the drift window
    }

    @Test
    void shouldRefuseAMalformedZoneAsSpaceInvalidAndAnInfiniteCoordinateByName() {
        JsonNode head = head();
        Map<String, Object> payload = uniquePayload();
        ConsensusProof badZone = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), "Not_A_Zone", 1, 2, 3, DIFFICULTY);
        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", payload, badZone), UUID.randomUUID().toString()),
                "proof-space-invalid", "space");

        ConsensusProof infinite = ConsensusProof.create(author, "DEPLOYMENT", CanonicalJson.tree(payload), head.path("height").asLong(),
                head.path("hash").asString(), Instant.now(), "eu-west", Double.POSITIVE_INFINITY, 2, 3, DIFFICULTY);
        String body = TestHttp.json(appendBody("DEPLOYMENT", payload, Map.of(
                        "stake", infinite.toJson().get("stake"), "work", infinite.toJson().get("work"), "time", infinite.toJson().get("time"),
                        "space", Map.of("zone", "eu-west", "x", 0, "y", 2, "z", 3))))
                .replace("\"x\":0", "\"x\":1e400");
        // A non-finite number is refused by the suite's JSON reader, before any proof part is looked at.
        Response infiniteRefused = append(Map.of(), UUID.randomUUID().toString(), body);
        assertProblem(infiniteRefused, 400, "validation");
        assertThat(infiniteRefused.json().path("errors").findValuesAsString("field")).containsExactly("proof.space.x");
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void shouldAcceptAProofOnceAndRefuseItsReplayUnderAnotherKey() {
        Map<String, Object> payload = uniquePayload();
        Map<String, Object> body = appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY));
        assertThat(append(body, UUID.randomUUID().toString()).status()).isEqualTo(201);

        Response replay = assertRefusedWithHeadUnchanged(() -> append(body, UUID.randomUUID().toString()), "proof-replayed", "time");
        assertThat(replay.json().path("detail").asString()).contains("accepted once");
    }

    @Test
    void shouldRefuseAReplayWithAReminedNonce() {
        Map<String, Object> payload = uniquePayload();
        ConsensusProof proof = proof(author, "DEPLOYMENT", payload, DIFFICULTY);
        assertThat(append(appendBody("DEPLOYMENT", payload, proof), UUID.randomUUID().toString()).status()).isEqualTo(201);
        byte[] binding = proof.bindingDigest("DEPLOYMENT", OperationDigest.of(CanonicalJson.tree(payload)));
        long otherNonce = proof.work().nonce() + 1;
        while (!ProofOfWork.meets(binding, otherNonce, DIFFICULTY)) {
            otherNonce++;
        }
        ConsensusProof remined = new ConsensusProof(proof.stake(), new ConsensusProof.Work(otherNonce), proof.time(), proof.space());

        assertRefusedWithHeadUnchanged(() -> append(appendBody("DEPLOYMENT", payload, remined), UUID.randomUUID().toString()),
                "proof-replayed", "time");
    }

    @Test
    void shouldRefuseATypeThatNeedsAStakeWhileNoStakeSourceIsWired() {
        Map<String, Object> payload = uniquePayload();
        JsonNode before = head();

        Response response = append(appendBody("SLASHING", payload, proof(author, "SLASHING", payload, DIFFICULTY)), UUID.randomUUID().toString());

        assertProblem(response, 503, "stake-unavailable");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void shouldRefuseADuplicatedPayloadNameThatALastWinsReaderWouldHaveSigned() {
        JsonNode before = head();
        Map<String, Object> payload = new LinkedHashMap<>(uniquePayload());
        payload.put("dup", "second");
        String body = TestHttp.json(appendBody("DEPLOYMENT", payload, proof(author, "DEPLOYMENT", payload, DIFFICULTY)));
        String duplicated = body.replace("\"dup\":\"second\"", "\"dup\":\"first\",\"dup\":\"second\"");
        assertThat(duplicated).isNotEqualTo(body);

        Response response = append(payload, UUID.randomUUID().toString(), duplicated);

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("payload.dup");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void shouldRefuseADuplicatedNonceInTheProof() {
        JsonNode before = head();
        Map<String, Object> payload = uniquePayload();
        ConsensusProof proof = proof(author, "DEPLOYMENT", payload, DIFFICULTY);
        String body = TestHttp.json(appendBody("DEPLOYMENT", payload, proof));
        String nonce = "\"nonce\":" + proof.work().nonce();
        String duplicated = body.replace(nonce, "\"nonce\":0," + nonce);
        assertThat(duplicated).isNotEqualTo(body);

        Response response = append(payload, UUID.randomUUID().toString(), duplicated);

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("proof.work.nonce");
        assertThat(head()).isEqualTo(before);
    }

    private TestHttp.Response append(Map<String, Object> ignored, String key, String rawBody) {
        return http.post("/api/v1/ledger/blocks", rawBody).bearer(serviceToken()).header("Idempotency-Key", key).send();
    }

    private Response assertRefusedWithHeadUnchanged(Supplier<Response> attempt, String type, String part) {
        JsonNode before = head();
        Response response = attempt.get();
        assertProblem(response, 422, type);
        assertThat(response.json().path("part").asString()).isEqualTo(part);
        assertThat(head()).isEqualTo(before);
        return response;
    }
}
