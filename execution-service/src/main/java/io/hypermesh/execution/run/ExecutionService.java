package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.AssignmentRepository;
import io.hypermesh.execution.executions.AssignmentState;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionDriver;
import io.hypermesh.execution.executions.ExecutionProblems;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.SagaQueue;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.execution.executions.Timeline;
import io.hypermesh.execution.web.InvalidFieldException;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.ConsensusProof;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.ExecutionOperation;
import io.hypermesh.protocol.OperationDigest;
import io.hypermesh.protocol.ProofVerification;
import io.hypermesh.protocol.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executions as clients see them: submitted under an Idempotency-Key (which names the execution), driven by the saga
 * up to the escrow hold before the answer (so that every refusal comes back as its own 4xx before money moves),
 * read back with their timeline and cost, and cancelled while not yet settling.
 */
@Service
class ExecutionService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final ExecutionRepository executions;
    private final AssignmentRepository assignments;
    private final SagaQueue queue;
    private final Timeline timeline;
    private final ExecutionDriver driver;
    private final ExecutionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExecutionService(ExecutionRepository executions, AssignmentRepository assignments, SagaQueue queue, Timeline timeline,
            ExecutionDriver driver, ExecutionProperties properties, TransactionTemplate transactions, Clock clock) {
        this.executions = executions;
        this.assignments = assignments;
        this.queue = queue;
        this.timeline = timeline;
        this.driver = driver;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The execution and whether this call created it (false: a retry under the same key). */
    record Submitted(Execution execution, boolean created) {
    }

    Submitted submit(String client, String idempotencyKey, SubmitExecutionRequest request) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidFieldException("Idempotency-Key", "required: 1-200 visible ASCII characters, the same for every retry");
        }
        ExecutionOperation operation = operationOf(client, idempotencyKey, request);
        ConsensusProof proof;
        try {
            proof = ConsensusProof.fromJson(request.proof());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("proof", e.getMessage());
        }
        String proofJson = CanonicalJson.canonicalString(proof.toJson());
        String digest = Digests.sha256Hex((operation.canonical() + "\n" + proofJson).getBytes(StandardCharsets.UTF_8));
        Optional<Execution> earlier = executions.findById(operation.executionId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), idempotencyKey, digest);
        }
        if (!driver.available()) {
            throw ExecutionProblems.unavailable();
        }
        checkRequest(request, operation);
        checkProof(client, operation, proof);

        Instant now = now();
        Execution execution = new Execution(operation.executionId(), client, idempotencyKey, digest, operation, proofJson, now);
        try {
            transactions.executeWithoutResult(status -> {
                executions.saveAndFlush(execution);
                queue.enqueue(execution.id(), now);
                timeline.record(execution, "submitted", now);
            });
        } catch (DataIntegrityViolationException concurrentRetry) {
            // The same key submitted twice at once: the other one created it.
            return replay(executions.findById(operation.executionId()).orElseThrow(() -> concurrentRetry), idempotencyKey, digest);
        }
        // The steps up to the hold run now, so that a refusal is this request's answer; the rest runs on.
        driver.driveUntil(execution.id(), Step.RECORD);
        Execution driven = executions.findById(execution.id()).orElseThrow();
        if (driven.state() == ExecutionState.REJECTED) {
            throw ExecutionProblems.recorded(driven);
        }
        driver.wake(execution.id());
        return new Submitted(driven, true);
    }

    private Submitted replay(Execution earlier, String idempotencyKey, String digest) {
        if (!earlier.requestDigest().equals(digest)) {
            throw ExecutionProblems.keyReused(idempotencyKey);
        }
        if (earlier.state() == ExecutionState.REJECTED) {
            throw ExecutionProblems.recorded(earlier);
        }
        return new Submitted(earlier, false);
    }

    static ExecutionOperation operationOf(String client, String idempotencyKey, SubmitExecutionRequest request) {
        SubmitExecutionRequest.Coordinate at = request.clientCoordinate();
        return new ExecutionOperation(ExecutionOperation.executionId(client, idempotencyKey), client, request.assetId(),
                request.version(), request.input(), request.parameters(), request.privacy(), request.redundancy(),
                request.strategy(), request.allowedZones(),
                at == null ? null : new ExecutionOperation.Coordinate(at.x(), at.y(), at.z()), request.maxPrice(),
                request.deadline());
    }

    private void checkRequest(SubmitExecutionRequest request, ExecutionOperation operation) {
        if (request.parameters() != null && !request.parameters().isObject()) {
            throw new InvalidFieldException("parameters", "must be a JSON object");
        }
        int size = operation.inputJson().length() + operation.parametersJson().length();
        if (size > properties.maxInputBytes()) {
            throw new InvalidFieldException("input", "input and parameters take " + size + " bytes as canonical JSON; at most "
                    + properties.maxInputBytes() + " are accepted");
        }
        if (!request.deadline().isAfter(clock.instant())) {
            throw new InvalidFieldException("deadline", "must be in the future");
        }
    }

    /** Who signed, and that the signature and work hold over the rebuilt operation; time is the ledger's to judge. */
    private void checkProof(String client, ExecutionOperation operation, ConsensusProof proof) {
        if (!proof.stake().identity().equals(client)) {
            throw ExecutionProblems.proofRejected("STAKE", "the proof is by " + proof.stake().identity()
                    + ", not by the signed-in client " + client);
        }
        byte[] binding = proof.bindingDigest(ExecutionOperation.BLOCK_TYPE, OperationDigest.of(operation.payload()));
        ProofVerification stake = ProofVerifier.verifyStake(proof.stake(), binding);
        if (!stake.isValid()) {
            throw ExecutionProblems.proofRejected("STAKE", stake.reason()
                    + " (the EXECUTION operation is rebuilt from this request: see docs/protocol.md)");
        }
        ProofVerification work = ProofVerifier.verifyWork(proof.work(), binding, properties.proofDifficulty());
        if (!work.isValid()) {
            throw ExecutionProblems.proofRejected("WORK", work.reason());
        }
    }

    Execution get(String id, String client) {
        return executions.findById(id).filter(execution -> execution.client().equals(client))
                .orElseThrow(() -> ExecutionProblems.notFound(id));
    }

    ExecutionResponse view(Execution execution) {
        return ExecutionResponse.of(execution, assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(execution.id()),
                timeline.of(execution.id()), queue.waitingFor(execution.id()).orElse(null));
    }

    ExecutionPage list(String client, ExecutionState state, String assetId, String after, int limit) {
        Instant afterCreated = null;
        String afterId = null;
        if (after != null && !after.isBlank()) {
            Execution cursor = executions.findById(after).filter(execution -> execution.client().equals(client))
                    .orElseThrow(() -> new InvalidFieldException("after", "must be the 'next' cursor of a previous page"));
            afterCreated = cursor.createdAt();
            afterId = cursor.id();
        }
        List<Execution> rows = executions.page(client, state, assetId, afterCreated, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<Execution> page = more ? rows.subList(0, limit) : rows;
        return new ExecutionPage(page.stream().map(ExecutionSummary::of).toList(),
                more ? page.get(page.size() - 1).id() : null);
    }

    ResultResponse result(String id, String client) {
        Execution execution = get(id, client);
        if (execution.acceptedDigest() == null) {
            throw ExecutionProblems.resultNotReady(id, execution.state());
        }
        Assignment accepted = assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(id).stream()
                .filter(assignment -> "ACCEPTED".equals(assignment.verdict())).findFirst().orElseThrow();
        return new ResultResponse(id, execution.state(), accepted.exitCode(), accepted.output(), accepted.outputDigest());
    }

    /** Cancels before settling: open assignments revoked, the hold (if any) released by the saga, then CANCELLED. */
    Execution cancel(String id, String client) {
        Execution cancelled = transactions.execute(status -> {
            Execution execution = get(id, client);
            if (!execution.cancellable()) {
                throw ExecutionProblems.notCancellable(id, execution.state());
            }
            Instant now = now();
            for (Assignment assignment : assignments.findByExecutionIdOrderByAttemptAscHostIdAsc(id)) {
                if (assignment.state().open()) {
                    assignment.close(AssignmentState.REVOKED, "the client cancelled the execution");
                }
            }
            if (execution.quoteId() == null) {
                execution.finish(ExecutionState.CANCELLED, now);
                queue.finished(id);
            } else {
                // A hold may exist (or be under way): the refund step releases whatever is held.
                execution.cancel(now);
                queue.wake(id, now);
            }
            timeline.record(execution, "cancelled by the client", now);
            return executions.saveAndFlush(execution);
        });
        driver.wake(id);
        return cancelled;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
