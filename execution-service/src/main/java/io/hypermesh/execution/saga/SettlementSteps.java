package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.AssignmentRepository;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.CompletionCheck;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.service.client.ServiceRefusedException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Paying the majority, slashing the dissenters, the COMPLETION block, the usage report, and refunds. */
@Component
class SettlementSteps {

    private static final Logger log = LoggerFactory.getLogger(SettlementSteps.class);

    private final Transitions transitions;
    private final AssignmentRepository assignments;
    private final ExecutionProperties properties;
    private final JdbcClient jdbc;

    SettlementSteps(Transitions transitions, AssignmentRepository assignments, ExecutionProperties properties, JdbcClient jdbc) {
        this.transitions = transitions;
        this.assignments = assignments;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The majority is paid for its metered usage (payment adds bonus and fee); the rest of the hold is refunded. */
    StepResult settle(Execution execution, SagaClients clients) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode hosts = request.putArray("hosts");
        for (Assignment winner : judged(execution, "ACCEPTED")) {
            ObjectNode host = hosts.addObject();
            host.put("host", winner.hostId());
            host.putObject("usage").put("cpuCoreSeconds", ceilDiv(winner.cpuMs(), 1000))
                    .put("memoryMbSeconds", (long) Math.ceil(winner.peakMemoryKb() / 1024.0 * winner.wallMs() / 1000.0))
                    .put("storageMb", 0).put("gpuSeconds", 0).put("networkMb", 0);
            host.put("succeeded", true);
            host.put("durationSeconds", ceilDiv(winner.wallMs(), 1000));
        }
        JsonNode escrow;
        try {
            escrow = clients.payment(bearer -> clients.paymentApi().settle(bearer, execution.id() + "-settle",
                    execution.escrowId().toString(), request));
        } catch (ServiceRefusedException refused) {
            if (refused.status() != 409) {
                throw new IllegalStateException("payment refused the settlement: " + Transitions.detailOf(refused));
            }
            // Closed already (an earlier attempt settled it, or the hold expired): record how it was closed.
            escrow = clients.payment(bearer -> clients.paymentApi().escrow(bearer, execution.escrowId().toString()));
        }
        String settlement = CanonicalJson.canonicalString(settlementOf(escrow));
        return transitions.advance(execution, Step.SETTLE, Step.SLASH, "settled: " + escrow.path("status").asString(),
                e -> e.recordSettlement(settlement));
    }

    /** Each host that disagreed with the majority loses up to slashAmount of its stake, with the reason on record. */
    StepResult slash(Execution execution, SagaClients clients) {
        for (Assignment dissenter : judged(execution, "REJECTED")) {
            long staked = clients.payment(bearer -> clients.paymentApi().stake(bearer, dissenter.hostId())).path("staked").asLong();
            long amount = Math.min(properties.slashAmount(), staked);
            if (amount <= 0) {
                continue;
            }
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("amount", amount);
            request.put("reason", "execution " + execution.id() + ": output digest " + dissenter.outputDigest()
                    + " disagreed with the majority's " + execution.acceptedDigest());
            try {
                clients.payment(bearer -> clients.paymentApi().slash(bearer, execution.id() + "-slash-" + dissenter.hostId(),
                        dissenter.hostId(), request));
            } catch (ServiceRefusedException refused) {
                log.warn("Could not slash host {} for execution {}: {}", dissenter.hostId(), execution.id(),
                        Transitions.detailOf(refused));
            }
        }
        return transitions.advance(execution, Step.SLASH, Step.COMPLETE, "dissenting hosts slashed");
    }

    /**
     * The COMPLETION block, authored by this service. Its request (payload and proof) is stored before it is sent, so
     * that a resumed step resends the very same request under the same key and the ledger answers with one block.
     */
    StepResult complete(Execution execution, SagaClients clients) {
        if (execution.completionRequest() == null) {
            JsonNode head = clients.ledger(bearer -> clients.ledgerApi().head(bearer));
            ObjectNode payload = completionPayload(execution);
            Where where = whereOf(judged(execution, "ACCEPTED").get(0).hostId());
            ConsensusProof proof = ConsensusProof.create(clients.identity().key(), CompletionCheck.BLOCK_TYPE, payload,
                    head.path("height").asLong(), head.path("hash").asString(), Instant.now(), where.zone(), where.x(),
                    where.y(), where.z(), properties.proofDifficulty());
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("type", CompletionCheck.BLOCK_TYPE);
            request.set("payload", payload);
            request.set("proof", proof.toJson());
            String stored = CanonicalJson.canonicalString(request);
            // Stored first; the driver re-reads the execution and comes back here to send it.
            return transitions.advance(execution, Step.COMPLETE, Step.COMPLETE, "COMPLETION block signed",
                    e -> e.recordCompletionRequest(stored));
        }
        JsonNode request = CanonicalJson.parse(execution.completionRequest());
        JsonNode block;
        try {
            block = clients.ledger(bearer -> clients.ledgerApi().append(bearer, execution.id() + "-completion", request));
        } catch (ServiceRefusedException refused) {
            if (refused.status() == 409) {
                return StepResult.waitUntil(transitions.now().plusSeconds(1), "ledger-service");
            }
            throw new IllegalStateException("the ledger refused the COMPLETION block: " + Transitions.detailOf(refused));
        }
        long height = block.path("height").asLong();
        String hash = block.path("hash").asString();
        return transitions.advance(execution, Step.COMPLETE, Step.REPORT, "COMPLETION block at height " + height,
                e -> e.recordCompletionBlock(height, hash));
    }

    StepResult report(Execution execution, SagaClients clients) {
        Assignment winner = judged(execution, "ACCEPTED").get(0);
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("executionId", execution.id());
        report.put("assetId", execution.assetId());
        report.put("version", execution.assetVersion());
        report.put("success", execution.acceptedExitCode() == 0);
        report.put("durationMs", winner.wallMs());
        try {
            clients.registry(bearer -> clients.registryApi().reportUsage(bearer, report));
        } catch (ServiceRefusedException refused) {
            log.warn("registry refused the usage report of execution {}: {}", execution.id(), Transitions.detailOf(refused));
        }
        return transitions.finish(execution, ExecutionState.COMPLETED, "completed", e -> { });
    }

    /** The whole hold back to the client (a cancelled or failed execution), then the outcome. */
    StepResult refund(Execution execution, SagaClients clients, ExecutionState outcome) {
        JsonNode escrow = null;
        String escrowId = execution.escrowId() == null ? null : execution.escrowId().toString();
        if (escrowId == null && execution.quoteId() != null) {
            // Cancelled while the hold may have been under way: the same key answers the hold if it was made.
            try {
                escrowId = PreparationSteps.holdEscrow(execution, clients).path("id").asString();
            } catch (ServiceRefusedException nothingHeld) {
                escrowId = null;
            }
        }
        if (escrowId != null) {
            String id = escrowId;
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("reason", "execution " + execution.id() + " " + outcome.name().toLowerCase()
                    + (execution.failureDetail() == null ? "" : ": " + execution.failureDetail()));
            try {
                escrow = clients.payment(bearer -> clients.paymentApi().release(bearer, execution.id() + "-release", id, request));
            } catch (ServiceRefusedException refused) {
                if (refused.status() != 409) {
                    throw new IllegalStateException("payment refused the release: " + Transitions.detailOf(refused));
                }
                escrow = clients.payment(bearer -> clients.paymentApi().escrow(bearer, id));
            }
        }
        String settlement = escrow == null ? null : CanonicalJson.canonicalString(settlementOf(escrow));
        return transitions.finish(execution, outcome, escrow == null ? outcome.name().toLowerCase()
                : outcome.name().toLowerCase() + ", " + escrow.path("refunded").asLong() + " micro-CAES refunded", e -> {
                    if (settlement != null) {
                        e.recordSettlement(settlement);
                    }
                });
    }

    private List<Assignment> judged(Execution execution, String verdict) {
        return assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(execution.id()).stream()
                .filter(a -> verdict.equals(a.verdict())).sorted(Comparator.comparing(Assignment::hostId)).toList();
    }

    /** The COMPLETION payload (docs/protocol.md §7.5): result, every attestation, and where the money went. */
    ObjectNode completionPayload(Execution execution) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("assetId", execution.assetId());
        ArrayNode attestations = payload.putArray("attestations");
        List<Assignment> reported = assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(execution.id()).stream()
                .filter(a -> a.verdict() != null).sorted(Comparator.comparing(Assignment::hostId)).toList();
        for (Assignment a : reported) {
            attestations.addObject().put("assignmentId", a.id().toString()).put("cpuMs", a.cpuMs()).put("exitCode", a.exitCode())
                    .put("host", a.hostId()).put("outputDigest", a.outputDigest()).put("peakMemoryKb", a.peakMemoryKb())
                    .put("publicKey", publicKeyOf(a.hostId())).put("signature", a.signature()).put("verdict", a.verdict())
                    .put("wallMs", a.wallMs());
        }
        payload.put("client", execution.client());
        payload.putObject("executionBlock").put("hash", execution.executionHash()).put("height", execution.executionHeight());
        payload.put("executionId", execution.id());
        payload.put("exitCode", execution.acceptedExitCode());
        payload.put("outputDigest", execution.acceptedDigest());
        payload.set("settlement", CanonicalJson.parse(execution.settlement()));
        payload.put("version", execution.assetVersion());
        return payload;
    }

    /** Where every micro-CAES of the hold went, as payment closed it. */
    static ObjectNode settlementOf(JsonNode escrow) {
        ObjectNode settlement = JsonNodeFactory.instance.objectNode();
        settlement.put("escrowId", escrow.path("id").asString());
        settlement.put("held", escrow.path("amount").asLong());
        settlement.put("paidAsBonus", escrow.path("paidAsBonus").asLong(0));
        settlement.put("paidForUsage", escrow.path("paidForUsage").asLong(0));
        ArrayNode payouts = settlement.putArray("payouts");
        escrow.path("payouts").forEach(payout -> payouts.addObject().put("bonus", payout.path("bonus").asLong())
                .put("host", payout.path("host").asString()).put("usage", payout.path("usage").asLong()));
        settlement.put("platformFee", escrow.path("platformFee").asLong(0));
        settlement.put("refunded", escrow.path("refunded").asLong(0));
        settlement.put("status", escrow.path("status").asString());
        return settlement;
    }

    private record Where(String zone, double x, double y, double z) {
    }

    private Where whereOf(String hostId) {
        return jdbc.sql("select zone, x, y, z from hosts where id = ?").param(hostId)
                .query((row, index) -> new Where(row.getString("zone"), row.getDouble("x"), row.getDouble("y"), row.getDouble("z")))
                .single();
    }

    private String publicKeyOf(String hostId) {
        return jdbc.sql("select public_key from hosts where id = ?").param(hostId).query(String.class).single();
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
