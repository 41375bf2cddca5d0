package io.hypermesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CompletionCheckTest {

    private static final String EXECUTION = "ex-788d66107bcb1ffbbc3152dd94e27b8e";
    private final List<Ed25519.Signer> hosts = List.of(Ed25519.generate(), Ed25519.generate(), Ed25519.generate());

    @Test
    void aMajorityOfSignedResultsWithASettlementThatAddsUpHolds() {
        assertThat(CompletionCheck.problemWith(payload())).isNull();
    }

    @Test
    void aSettlementThatDoesNotAddUpToTheHoldIsNamed() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.path("settlement")).put("refunded", 1);

        assertThat(CompletionCheck.problemWith(payload)).startsWith("settlement: paidForUsage + paidAsBonus");
    }

    @Test
    void payingTheDissenterIsNamed() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.path("settlement").path("payouts").path(1)).put("host", id(2));

        assertThat(CompletionCheck.problemWith(payload)).isEqualTo("settlement: host " + id(2) + " was paid without an accepted result");
    }

    @Test
    void payoutsThatDoNotSumToTheTotalsAreNamed() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.path("settlement").path("payouts").path(0)).put("usage", 401);

        assertThat(CompletionCheck.problemWith(payload)).startsWith("settlement: the payouts sum to 801");
    }

    @Test
    void aChangedMeteringBreaksThatHostsSignature() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.path("attestations").path(0)).put("cpuMs", 1);

        assertThat(CompletionCheck.problemWith(payload)).contains("the signature of host").contains("does not verify");
    }

    @Test
    void aKeyThatIsNotTheHostsIsNamed() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.path("attestations").path(0)).put("publicKey", hosts.get(1).publicKey().toBase64Url());

        assertThat(CompletionCheck.problemWith(payload)).contains("derives another identity");
    }

    @Test
    void oneOfThreeIsNoMajority() {
        ObjectNode payload = payload();
        ArrayNode attestations = (ArrayNode) payload.path("attestations");
        attestations.set(1, attestation(1, "b", "REJECTED"));
        ((ObjectNode) payload.path("settlement")).putArray("payouts").addObject().put("host", id(0)).put("usage", 800).put("bonus", 80);

        assertThat(CompletionCheck.problemWith(payload)).isEqualTo("attestations: 1 of 3 agree, not a strict majority");
    }

    @Test
    void aVerdictThatContradictsTheResultIsNamed() {
        ObjectNode payload = payload();
        ((ArrayNode) payload.path("attestations")).set(2, attestation(2, "b", "ACCEPTED"));

        assertThat(CompletionCheck.problemWith(payload)).contains("is ACCEPTED but its result is not the accepted one");
    }

    /** Hosts 0 and 1 agree on "a", host 2 reported "b"; 2000 held, 400 + 400 usage, 40 + 40 bonus, 80 fee, 1040 back. */
    private ObjectNode payload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("assetId", "019abc12-3456-7def-8123-456789abcdef");
        ArrayNode attestations = payload.putArray("attestations");
        attestations.add(attestation(0, "a", "ACCEPTED"));
        attestations.add(attestation(1, "a", "ACCEPTED"));
        attestations.add(attestation(2, "b", "REJECTED"));
        payload.put("client", id(0));
        payload.putObject("executionBlock").put("hash", "0".repeat(64)).put("height", 7);
        payload.put("executionId", EXECUTION);
        payload.put("exitCode", 0);
        payload.put("outputDigest", digest("a"));
        ObjectNode settlement = payload.putObject("settlement");
        settlement.put("escrowId", "5b0c6f8e-2f7d-4a51-9c3e-1d2a3b4c5d6e").put("held", 2000).put("paidAsBonus", 80)
                .put("paidForUsage", 800).put("platformFee", 80).put("refunded", 1040).put("status", "settled");
        ArrayNode payouts = settlement.putArray("payouts");
        payouts.addObject().put("bonus", 40).put("host", id(0)).put("usage", 400);
        payouts.addObject().put("bonus", 40).put("host", id(1)).put("usage", 400);
        payload.put("version", 1);
        return payload;
    }

    private ObjectNode attestation(int host, String output, String verdict) {
        String assignment = "00000000-0000-4000-8000-00000000000" + host;
        ResultAttestation attestation = new ResultAttestation(EXECUTION, assignment, id(host), 0, digest(output), 35, 9216, 41);
        return JsonNodeFactory.instance.objectNode().put("assignmentId", assignment).put("cpuMs", 35).put("exitCode", 0)
                .put("host", id(host)).put("outputDigest", digest(output)).put("peakMemoryKb", 9216)
                .put("publicKey", hosts.get(host).publicKey().toBase64Url()).put("signature", attestation.sign(hosts.get(host)))
                .put("verdict", verdict).put("wallMs", 41);
    }

    private String id(int host) {
        return hosts.get(host).identity().value();
    }

    private static String digest(String output) {
        return Digests.sha256Hex(output.getBytes(StandardCharsets.UTF_8));
    }
}
