package io.hypermesh.execution.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.devsupport.TestHttp.Response;
import io.hypermesh.execution.ExecutionServiceTest;
import io.hypermesh.execution.executions.AssetCode;
import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.AssignmentRepository;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.protocol.ResultAttestation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The host's side over real HTTP: an assignment stored as the saga stores it is polled, leased, fetched and reported by
 * the host it was offered to, with every check on the report (its digest, its signature, its state) refusing on its own.
 */
class AssignmentApiTest extends ExecutionServiceTest {

    private static final String CODE = "def main(text):\n    return len(text.split())\n";

    @Autowired
    ExecutionRepository executions;
    @Autowired
    AssignmentRepository assignments;
    @Autowired
    AssetCode code;

    private final Ed25519.Signer host = Ed25519.generate();
    private final String hostToken = TOKENS.token(host.identity().value(), "host");
    private Assignment offered;

    @BeforeEach
    void offerAnAssignment() {
        Response joined = http.post("/api/v1/hosts", Map.of("publicKey", host.publicKey().toBase64Url(),
                "resources", Map.of("cpuCores", 2, "memoryMb", 2048, "storageMb", 1000), "runtimes", List.of("python"),
                "privacyCapabilities", List.of("FULL_PUBLIC"), "zone", "eu-west",
                "coordinate", Map.of("x", 1, "y", 1, "z", 1))).bearer(hostToken).send();
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String client = freshIdentity();
        String assetId = UUID.randomUUID().toString();
        ExecutionOperation operation = new ExecutionOperation(ExecutionOperation.executionId(client, "k"), client, assetId, 1,
                JsonNodeFactory.instance.stringNode("to be or not to be"), null, null, 1, "BALANCED", null, null, 1_000_000,
                Instant.now().plus(1, ChronoUnit.HOURS));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Execution execution = new Execution(operation.executionId(), client, "k", "digest", operation, "{}", now);
        execution.recordAsset(CanonicalJson.canonicalString(CanonicalJson.parse("{\"runtime\":\"python\",\"entrypoint\":\"main\","
                + "\"codeDigest\":\"" + Digests.sha256Hex(CODE.getBytes(StandardCharsets.UTF_8)) + "\",\"parameters\":{\"unit\":\"words\"},"
                + "\"resources\":{\"cpuCores\":1,\"memoryMb\":256,\"storageMb\":0,\"maxRuntimeSeconds\":30}}")));
        executions.saveAndFlush(execution);
        code.keep(assetId, 1, CODE, Digests.sha256Hex(CODE.getBytes(StandardCharsets.UTF_8)));
        offered = assignments.saveAndFlush(new Assignment(execution.id(), host.identity().value(), 1, now, Duration.ofSeconds(30)));
    }

    @Test
    void theHostPollsLeasesFetchesAndReportsASignedResult() {
        Response offers = http.get("/api/v1/hosts/" + host.identity().value() + "/assignments?wait=0").bearer(hostToken).send();
        assertThat(offers.status()).as(offers.body()).isEqualTo(200);
        assertThat(offers.json().path("assignments").path(0).path("id").asString()).isEqualTo(offered.id().toString());

        Response leased = http.post(path("/lease"), Map.of()).bearer(hostToken).send();
        assertThat(leased.status()).as(leased.body()).isEqualTo(200);
        assertThat(leased.json().path("state").asString()).isEqualTo("LEASED");
        assertThat(http.post(path("/lease"), Map.of()).bearer(hostToken).send().status()).as("a repeated lease").isEqualTo(200);
        // A host that lost the lease's answer (or restarted) finds what it holds in its next poll.
        JsonNode held = http.get("/api/v1/hosts/" + host.identity().value() + "/assignments?wait=0").bearer(hostToken).send()
                .json().path("assignments").path(0);
        assertThat(held.path("id").asString()).isEqualTo(offered.id().toString());
        assertThat(held.path("state").asString()).isEqualTo("LEASED");

        Response work = http.get(path("/work")).bearer(hostToken).send();
        assertThat(work.status()).as(work.body()).isEqualTo(200);
        assertThat(work.json().path("code").asString()).isEqualTo(CODE);
        assertThat(work.json().path("input").asString()).isEqualTo("to be or not to be");
        assertThat(work.json().path("parameters").path("unit").asString()).isEqualTo("words");
        assertThat(work.json().path("limits").path("maxRuntimeSeconds").asInt()).isEqualTo(30);

        Response reported = http.post(path("/result"), report("6", host)).bearer(hostToken).send();
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.json().path("state").asString()).isEqualTo("REPORTED");
        Assignment stored = assignments.findById(offered.id()).orElseThrow();
        assertThat(stored.output()).isEqualTo("6");
        assertThat(stored.cpuMs()).isEqualTo(35);

        Response again = http.post(path("/result"), report("7", host)).bearer(hostToken).send();
        assertProblem(again, 409, "assignment-not-leased");
        assertThat(assignments.findById(offered.id()).orElseThrow().output()).as("the first report stands").isEqualTo("6");
    }

    @Test
    void anotherHostSeesNoneOfIt() {
        Ed25519.Signer other = Ed25519.generate();
        String otherToken = TOKENS.token(other.identity().value(), "host");

        assertProblem(http.get("/api/v1/hosts/" + host.identity().value() + "/assignments?wait=0").bearer(otherToken).send(),
                403, "not-this-host");
        assertProblem(http.post(path("/lease"), Map.of()).bearer(otherToken).send(), 404, "assignment-not-found");
        assertProblem(http.post(path("/lease"), Map.of()).bearer(TOKENS.token(host.identity().value(), "client")).send(),
                403, "forbidden");
    }

    @Test
    void workIsOnlyForALeasedAssignment() {
        assertProblem(http.get(path("/work")).bearer(hostToken).send(), 409, "assignment-not-leased");
        assertProblem(http.post(path("/result"), report("6", host)).bearer(hostToken).send(), 409, "assignment-not-leased");
    }

    @Test
    void aReportWhoseDigestIsNotTheOutputsIsRefused() {
        lease();
        Map<String, Object> report = report("6", host);
        report.put("output", "7");

        assertProblem(http.post(path("/result"), report).bearer(hostToken).send(), 422, "output-digest-mismatch");
        assertThat(assignments.findById(offered.id()).orElseThrow().state().name()).isEqualTo("LEASED");
    }

    @Test
    void aReportSignedByAnotherKeyIsRefused() {
        lease();

        assertProblem(http.post(path("/result"), report("6", Ed25519.generate())).bearer(hostToken).send(), 422,
                "attestation-invalid");
    }

    @Test
    void aReportMissingItsMeteringNamesTheField() {
        lease();
        Map<String, Object> report = report("6", host);
        report.remove("cpuMs");

        Response response = http.post(path("/result"), report).bearer(hostToken).send();

        assertProblem(response, 400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("cpuMs");
    }

    @Test
    void aHostThatCannotRunItSaysSoAndTheAssignmentFails() {
        lease();

        Response failed = http.post(path("/result"), Map.of("error", "no python3 here")).bearer(hostToken).send();

        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().path("state").asString()).isEqualTo("FAILED");
    }

    private void lease() {
        assertThat(http.post(path("/lease"), Map.of()).bearer(hostToken).send().status()).isEqualTo(200);
    }

    private String path(String suffix) {
        return "/api/v1/assignments/" + offered.id() + suffix;
    }

    private Map<String, Object> report(String output, Ed25519.Signer signer) {
        String digest = Digests.sha256Hex(output.getBytes(StandardCharsets.UTF_8));
        ResultAttestation attestation = new ResultAttestation(offered.executionId(), offered.id().toString(),
                host.identity().value(), 0, digest, 35, 9216, 41);
        Map<String, Object> report = new HashMap<>();
        report.put("exitCode", 0);
        report.put("output", output);
        report.put("outputDigest", digest);
        report.put("cpuMs", 35);
        report.put("peakMemoryKb", 9216);
        report.put("wallMs", 41);
        report.put("signature", attestation.sign(signer));
        return report;
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://hypermesh.io/problems/" + type);
    }
}
