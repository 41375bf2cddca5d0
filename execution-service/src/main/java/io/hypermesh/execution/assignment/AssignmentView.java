package io.hypermesh.execution.assignment;

import io.hypermesh.execution.executions.Assignment;
import java.time.Instant;
import java.util.UUID;

/** One assignment as its host sees it. */
record AssignmentView(UUID id, String executionId, String host, String state, Instant offeredAt, Instant expiresAt,
        Instant leasedAt, Instant reportedAt, String verdict) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id(), a.executionId(), a.hostId(), a.state().name(), a.offeredAt(), a.expiresAt(),
                a.leasedAt(), a.reportedAt(), a.verdict());
    }
}
