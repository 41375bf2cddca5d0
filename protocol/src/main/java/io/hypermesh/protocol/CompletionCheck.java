package io.hypermesh.protocol;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a COMPLETION block's payload on its own (docs/protocol.md §7.5): every host attestation verifies with the
 * public key it names, which derives the host's identity; the accepted result is a strict majority of them; the
 * settlement's amounts add up to the hold; and only accepted hosts were paid, each once. What it cannot see — that
 * the EXECUTION block it names is on the chain, or that payment closed the escrow so — needs the chain or the service.
 */
public final class CompletionCheck {

    public static final String BLOCK_TYPE = "COMPLETION";

    private CompletionCheck() {
    }

    /** What is wrong with the payload, or null when it holds. */
    public static String problemWith(JsonNode payload) {
        String executionId = payload.path("executionId").asString("");
        if (executionId.isEmpty()) {
            return "executionId: missing";
        }
        JsonNode attestations = payload.path("attestations");
        if (!attestations.isArray() || attestations.isEmpty()) {
            return "attestations: there must be at least one";
        }
        Set<String> accepted = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode a : attestations) {
            String problem = attestationProblem(executionId, a);
            if (problem != null) {
                return problem;
            }
            String host = a.path("host").asString();
            if (!seen.add(host)) {
                return "attestations: host " + host + " appears twice";
            }
            boolean sameResult = a.path("exitCode").asInt() == payload.path("exitCode").asInt()
                    && a.path("outputDigest").asString().equals(payload.path("outputDigest").asString());
            String verdict = a.path("verdict").asString();
            if ("ACCEPTED".equals(verdict) != sameResult || !("ACCEPTED".equals(verdict) || "REJECTED".equals(verdict))) {
                return "attestations: host " + host + " is " + verdict + " but its result "
                        + (sameResult ? "is" : "is not") + " the accepted one";
            }
            if (sameResult) {
                accepted.add(host);
            }
        }
        if (accepted.size() * 2 <= attestations.size()) {
            return "attestations: " + accepted.size() + " of " + attestations.size() + " agree, not a strict majority";
        }
        return settlementProblem(payload.path("settlement"), accepted);
    }

    private static String attestationProblem(String executionId, JsonNode a) {
        String host = a.path("host").asString("");
        Ed25519.PublicKeyBytes key;
        try {
            key = Ed25519.PublicKeyBytes.fromBase64Url(a.path("publicKey").asString(""));
        } catch (IllegalArgumentException e) {
            return "attestations: host " + host + " has no valid publicKey";
        }
        if (!Identity.of(key).value().equals(host)) {
            return "attestations: the publicKey of host " + host + " derives another identity";
        }
        ResultAttestation attestation = new ResultAttestation(executionId, a.path("assignmentId").asString(), host,
                a.path("exitCode").asInt(), a.path("outputDigest").asString(), a.path("cpuMs").asLong(),
                a.path("peakMemoryKb").asLong(), a.path("wallMs").asLong());
        if (!attestation.verify(key, a.path("signature").asString(""))) {
            return "attestations: the signature of host " + host + " does not verify over its result attestation";
        }
        return null;
    }

    private static String settlementProblem(JsonNode settlement, Set<String> accepted) {
        if (!settlement.isObject()) {
            return "settlement: missing";
        }
        long held = settlement.path("held").asLong();
        long usage = settlement.path("paidForUsage").asLong();
        long bonus = settlement.path("paidAsBonus").asLong();
        long fee = settlement.path("platformFee").asLong();
        long refunded = settlement.path("refunded").asLong();
        if (Math.addExact(Math.addExact(usage, bonus), Math.addExact(fee, refunded)) != held) {
            return "settlement: paidForUsage + paidAsBonus + platformFee + refunded = "
                    + (usage + bonus + fee + refunded) + ", not the " + held + " held";
        }
        long usageSum = 0;
        long bonusSum = 0;
        Set<String> paid = new HashSet<>();
        for (JsonNode payout : settlement.path("payouts")) {
            String host = payout.path("host").asString();
            if (!accepted.contains(host)) {
                return "settlement: host " + host + " was paid without an accepted result";
            }
            if (!paid.add(host)) {
                return "settlement: host " + host + " was paid twice";
            }
            usageSum += payout.path("usage").asLong();
            bonusSum += payout.path("bonus").asLong();
        }
        if (usageSum != usage || bonusSum != bonus) {
            return "settlement: the payouts sum to " + usageSum + " for usage and " + bonusSum + " as bonus, not "
                    + usage + " and " + bonus;
        }
        return null;
    }
}
