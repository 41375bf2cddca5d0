package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.AssignmentRepository;
import io.hypermesh.execution.executions.AssignmentState;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.execution.executions.OfferSignals;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.execution.placement.HostPlacements;
import io.hypermesh.execution.reputation.Reputation;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.service.client.ServiceRefusedException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The EXECUTION block, the assignments to hosts, and the wait for their results with the verdict on them. */
@Component
class RunSteps {

    private final Transitions transitions;
    private final HostSelection selection;
    private final AssignmentRepository assignments;
    private final OfferSignals signals;
    private final Reputation reputation;
    private final HostPlacements placements;
    private final ExecutionProperties properties;
    private final TransactionTemplate transactions;

    RunSteps(Transitions transitions, HostSelection selection, AssignmentRepository assignments, OfferSignals signals,
            Reputation reputation, HostPlacements placements, ExecutionProperties properties,
            TransactionTemplate transactions) {
        this.transitions = transitions;
        this.selection = selection;
        this.assignments = assignments;
        this.signals = signals;
        this.reputation = reputation;
        this.placements = placements;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** The client's own proof, relayed under this service's identity; the ledger answers a resend with the same block. */
    StepResult record(Execution execution, SagaClients clients) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("type", ExecutionOperation.BLOCK_TYPE);
        request.set("payload", CanonicalJson.parse(execution.operation()));
        request.set("proof", CanonicalJson.parse(execution.proof()));
        JsonNode block;
        try {
            block = clients.ledger(bearer -> clients.ledgerApi().append(bearer, execution.id() + "-execution", request));
        } catch (ServiceRefusedException refused) {
            if (refused.status() == 409) {
                return StepResult.waitUntil(transitions.now().plusSeconds(1), "ledger-service");
            }
            return transitions.abandon(execution, refused.status(), Transitions.typeOf(refused.problem()),
                    "the ledger refused the EXECUTION block: " + Transitions.detailOf(refused));
        }
        long height = block.path("height").asLong();
        String hash = block.path("hash").asString();
        return transitions.advance(execution, Step.RECORD, Step.ASSIGN, "EXECUTION block at height " + height,
                e -> e.recordExecutionBlock(height, hash));
    }

    /**
     * Offers the execution to as many new hosts as it lacks: k at first, one more for each host lost, and one more
     * when the results so far have no strict majority — never to a host that took it before (leased, reported or
     * failed it); one whose offer ran out unleased may be asked again.
     */
    StepResult assign(Execution execution, SagaClients clients) {
        Instant now = transitions.now();
        if (!now.isBefore(execution.deadline())) {
            return transitions.abandon(execution, 422, "deadline-passed", "the deadline passed before enough hosts reported");
        }
        List<Assignment> all = assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(execution.id());
        long reported = all.stream().filter(a -> a.state() == AssignmentState.REPORTED).count();
        long open = all.stream().filter(a -> a.state().open()).count();
        int target = execution.redundancy();
        if (reported >= target && Verdict.of(reportedOf(all), execution.redundancy()).winners().isEmpty()) {
            target = (int) reported + 1;
        }
        int needed = (int) (target - reported - open);
        if (needed <= 0) {
            return transitions.advance(execution, Step.ASSIGN, Step.RUN, "waiting for " + open + " host(s)");
        }
        if (all.size() + needed > execution.redundancy() + properties.maxReassignments()) {
            return transitions.abandon(execution, 422, "no-result", "no result agreed by a strict majority of "
                    + execution.redundancy() + " host(s) after " + all.size() + " assignment(s)");
        }
        // Open ones too: a host never holds two assignments of one execution.
        Set<String> tried = all.stream().filter(a -> a.taken() || a.state().open()).map(Assignment::hostId)
                .collect(Collectors.toSet());
        HostSelection.Choice choice;
        try {
            choice = selection.choose(execution, clients, needed, tried);
        } catch (ServiceRefusedException refused) {
            // No host qualifies right now (all tried or busy): look again shortly, until the deadline.
            return StepResult.waitUntil(now.plusSeconds(2), "hosts");
        }
        if (choice.hosts().isEmpty()) {
            return StepResult.waitUntil(now.plusSeconds(2), "hosts");
        }
        List<HostSelection.Host> chosen = choice.hosts().subList(0, Math.min(needed, choice.hosts().size()));
        boolean enough = chosen.size() == needed;
        int attempt = all.size();
        transactions.executeWithoutResult(status -> {
            int next = attempt;
            for (HostSelection.Host host : chosen) {
                assignments.save(new Assignment(execution.id(), host.id(), ++next, now, properties.offerValidity()));
            }
        });
        chosen.forEach(host -> signals.offered(host.id()));
        String offered = chosen.stream().map(HostSelection.Host::id).collect(Collectors.joining(", "));
        if (!enough) {
            return StepResult.waitUntil(now.plusSeconds(1), "hosts");
        }
        return transitions.advance(execution, Step.ASSIGN, Step.RUN, "offered to " + offered);
    }

    /** Expires what ran out, waits while hosts work, and decides once every open assignment has ended. */
    StepResult run(Execution execution) {
        Instant now = transitions.now();
        List<Assignment> all = assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(execution.id());
        List<Assignment> expired = all.stream().filter(a -> a.expiredAt(now)).toList();
        if (!expired.isEmpty()) {
            transactions.executeWithoutResult(status -> expired.forEach(a -> {
                a.close(AssignmentState.EXPIRED, a.state() == AssignmentState.OFFERED ? "the offer was not taken in time"
                        : "the lease ran out before a report");
                assignments.save(a);
                reputation.record(a.hostId(), 0, Reputation.LOST, now);
                placements.changed(a.hostId(), now);
            }));
        }
        if (!now.isBefore(execution.deadline())) {
            revokeOpen(all, "the deadline passed");
            return transitions.abandon(execution, 422, "deadline-passed", "the deadline passed before enough hosts reported");
        }
        Instant nextExpiry = all.stream().filter(a -> a.state().open()).map(Assignment::expiresAt)
                .min(Comparator.naturalOrder()).orElse(null);
        if (nextExpiry != null) {
            Instant until = nextExpiry.isBefore(execution.deadline()) ? nextExpiry : execution.deadline();
            return StepResult.waitUntil(until, "hosts");
        }
        List<Assignment> reported = reportedOf(all);
        Verdict verdict = reported.size() >= execution.redundancy() ? Verdict.of(reported, execution.redundancy()) : Verdict.NONE;
        if (verdict.winners().isEmpty()) {
            return transitions.advance(execution, Step.RUN, Step.ASSIGN, reported.size() < execution.redundancy()
                    ? "a host was lost: " + reported.size() + " of " + execution.redundancy() + " results"
                    : "no strict majority among " + reported.size() + " results");
        }
        Assignment first = verdict.winners().get(0);
        return transitions.advance(execution, Step.RUN, Step.SETTLE, verdict.winners().size() + " of " + reported.size()
                + " results agree on " + first.outputDigest(), e -> {
                    for (Assignment a : reported) {
                        boolean accepted = verdict.winners().contains(a);
                        a.judge(accepted);
                        assignments.save(a);
                        boolean late = a.wallMs() != null && a.wallMs() > AssetSpec.of(e).maxRuntimeSeconds() * 1000L;
                        reputation.record(a.hostId(), accepted ? Reputation.AGREED : 0,
                                (accepted ? 0 : Reputation.DISAGREED) + (late ? Reputation.LATE : 0), now);
                        placements.changed(a.hostId(), now);
                    }
                    e.recordAcceptedResult(first.outputDigest(), first.exitCode());
                });
    }

    void revokeOpen(List<Assignment> all, String reason) {
        transactions.executeWithoutResult(status -> all.stream().filter(a -> a.state().open()).forEach(a -> {
            a.close(AssignmentState.REVOKED, reason);
            assignments.save(a);
        }));
    }

    private static List<Assignment> reportedOf(List<Assignment> all) {
        return all.stream().filter(a -> a.state() == AssignmentState.REPORTED).toList();
    }
}
