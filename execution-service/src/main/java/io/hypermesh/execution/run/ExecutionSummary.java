package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionState;
import java.time.Instant;

/** One line of a client's execution list. */
record ExecutionSummary(String id, String assetId, int version, ExecutionState state, int redundancy, Long quoted,
        Integer exitCode, Instant createdAt, Instant finishedAt) {

    static ExecutionSummary of(Execution e) {
        return new ExecutionSummary(e.id(), e.assetId(), e.assetVersion(), e.state(), e.redundancy(), e.quoted(),
                e.acceptedExitCode(), e.createdAt(), e.finishedAt());
    }
}
