package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §7: the execution id, the EXECUTION operation and the result attestation, byte for byte. */
class ExecutionVectorsTest {

    private static final String CLIENT = "hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl";
    private static final String EXECUTION_ID = "ex-788d66107bcb1ffbbc3152dd94e27b8e";

    @Test
    void theExecutionIdIsDerivedFromTheClientAndItsIdempotencyKey() {
        assertThat(ExecutionOperation.executionId(CLIENT, "order-1")).isEqualTo(EXECUTION_ID);
        assertThat(ExecutionOperation.executionId(CLIENT, "order-2")).isNotEqualTo(EXECUTION_ID);
    }

    @Test
    void vector4ExecutionOperation() {
        ExecutionOperation operation = new ExecutionOperation(EXECUTION_ID, CLIENT, "019abc12-3456-7def-8123-456789abcdef", 1,
                CanonicalJson.parse("\"to be or not to be\""), CanonicalJson.parse("{\"unit\":\"words\"}"), null, 3, "BALANCED",
                List.of("eu-west", "af-south"), new ExecutionOperation.Coordinate(10, 20.5, -5), 2_000_000,
                Instant.parse("2026-12-31T12:00:00Z"));

        assertThat(operation.canonical()).isEqualTo("{\"allowedZones\":[\"af-south\",\"eu-west\"],"
                + "\"assetId\":\"019abc12-3456-7def-8123-456789abcdef\",\"client\":\"hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl\","
                + "\"clientCoordinate\":{\"x\":10,\"y\":20.5,\"z\":-5},\"deadline\":1798718400000,"
                + "\"executionId\":\"ex-788d66107bcb1ffbbc3152dd94e27b8e\","
                + "\"inputDigest\":\"8e5806c77344f7b404a521b12047c64aa7be420f3d338ef32c982ee6d0f59ccc\",\"maxPrice\":2000000,"
                + "\"parametersDigest\":\"bdf7a447a016d27bdd7c43b5b02982c983254ca024094959a40208fc3a3dc301\",\"privacy\":null,"
                + "\"redundancy\":3,\"strategy\":\"BALANCED\",\"version\":1}");
        assertThat(OperationDigest.hexOf(operation.payload()))
                .isEqualTo("319c8e7966bbef9919045fa6aecac08ea9ddcce06bc29a54e08fe0993a64c519");
    }

    @Test
    void absentInputParametersAndZonesHaveTheirDocumentedForms() {
        ExecutionOperation operation = new ExecutionOperation(EXECUTION_ID, CLIENT, "a", 1, null, null, "PRIVATE", 1, "LOAD",
                null, null, 1, Instant.ofEpochMilli(5));

        assertThat(operation.payload().path("inputDigest").asString()).isEqualTo(Digests.sha256Hex("null".getBytes(StandardCharsets.UTF_8)));
        assertThat(operation.payload().path("parametersDigest").asString()).isEqualTo(Digests.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(operation.canonical()).startsWith("{\"allowedZones\":[],").contains("\"clientCoordinate\":null");
    }

    @Test
    void vector5ResultAttestationSignedByTheRfcKey() {
        ResultAttestation attestation = new ResultAttestation(EXECUTION_ID, "5b0c6f8e-2f7d-4a51-9c3e-1d2a3b4c5d6e", CLIENT, 0,
                Digests.sha256Hex("6".getBytes(StandardCharsets.UTF_8)), 35, 9216, 41);

        assertThat(new String(attestation.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"assignmentId\":"
                + "\"5b0c6f8e-2f7d-4a51-9c3e-1d2a3b4c5d6e\",\"cpuMs\":35,\"executionId\":\"ex-788d66107bcb1ffbbc3152dd94e27b8e\","
                + "\"exitCode\":0,\"host\":\"hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl\","
                + "\"outputDigest\":\"e7f6c011776e8db7cd330b54174fd76f7d0216b612387a5ffcfb81e6f0919683\",\"peakMemoryKb\":9216,"
                + "\"type\":\"hypermesh-result:v1\",\"wallMs\":41}");
        String signature = attestation.sign(Ed25519Test.rfcSigner());
        assertThat(signature).isEqualTo("vrDUVG-sqLFtgSWd5wfl29szrSFBb3S2zmp_NTWBKV2uJ5ZqSNRznInwuGSolEUpq_dErrZ3yQb8lzCEuTvIAg");
        assertThat(attestation.verify(Ed25519Test.rfcSigner().publicKey(), signature)).isTrue();
        ResultAttestation tampered = new ResultAttestation(EXECUTION_ID, "5b0c6f8e-2f7d-4a51-9c3e-1d2a3b4c5d6e", CLIENT, 0,
                Digests.sha256Hex("7".getBytes(StandardCharsets.UTF_8)), 35, 9216, 41);
        assertThat(tampered.verify(Ed25519Test.rfcSigner().publicKey(), signature)).isFalse();
    }
}
