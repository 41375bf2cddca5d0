package io.hypermesh.execution.executions;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of the executions API, each with its own problem type (docs/problems.md). */
public final class ExecutionProblems {

    private ExecutionProblems() {
    }

    public static ProblemException notFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "execution-not-found", "No such execution",
                "No execution " + id + " of yours exists.");
    }

    public static ProblemException keyReused(String key) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key already used for another request", "Idempotency-Key '" + key
                + "' already submitted a different execution; use a fresh key for a new one.");
    }

    public static ProblemException proofRejected(String part, String detail) {
        ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "proof-rejected",
                "The consensus proof does not hold", detail);
        problem.getBody().setProperty("part", part);
        return problem;
    }

    public static ProblemException notCancellable(String id, ExecutionState state) {
        return new ProblemException(HttpStatus.CONFLICT, "execution-not-cancellable", "Too late to cancel",
                "Execution " + id + " is " + state + ": only an execution not yet settling can be cancelled.");
    }

    public static ProblemException resultNotReady(String id, ExecutionState state) {
        return new ProblemException(HttpStatus.CONFLICT, "result-not-ready", "No accepted result yet",
                "Execution " + id + " is " + state + " and has no accepted result.");
    }

    public static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "executions-unavailable", "Executions are not configured",
                "This execution-service has no registry, payment, routing or ledger address, or no service key; "
                        + "an operator must set HYPERMESH_REGISTRY_URL, HYPERMESH_PAYMENT_URL, HYPERMESH_ROUTING_URL, "
                        + "HYPERMESH_LEDGER_URL, HYPERMESH_GATEWAY_URL and HYPERMESH_SERVICE_KEY_FILE.");
    }

    /** The refusal an execution ended with, answered again on every retry under its key. */
    public static ProblemException recorded(Execution execution) {
        ProblemException problem = new ProblemException(HttpStatus.valueOf(execution.failureStatus()), execution.failureType(),
                "Execution refused", execution.failureDetail());
        problem.getBody().setProperty("executionId", execution.id());
        return problem;
    }
}
