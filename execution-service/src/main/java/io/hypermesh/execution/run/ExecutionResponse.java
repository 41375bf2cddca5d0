package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionState;
import io.hypermesh.execution.executions.Timeline;
import io.hypermesh.protocol.CanonicalJson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

@Schema(description = "One execution: where it is (state, the step under way and what it waits for), every step so far "
        + "with its time, each host's assignment, the accepted result's digest, the blocks and where every micro-CAES went")
record ExecutionResponse(String id, String client, String assetId, int version, ExecutionState state, String step,
        @Schema(description = "The service the saga is waiting for (it retries with back-off), or null", nullable = true)
        String waitingFor,
        @Schema(nullable = true) Failure failure, String privacy, int redundancy, String strategy, long maxPrice,
        Instant deadline, Result result, Cost cost, Blocks blocks, List<AssignmentView> assignments,
        List<Timeline.Event> timeline, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    @Schema(description = "Why it was refused or failed, as Problem Details fields")
    record Failure(int status, String type, String detail) {
    }

    @Schema(description = "The accepted result (GET .../result has the output itself)")
    record Result(Integer exitCode, String outputDigest) {
    }

    @Schema(description = "Micro-CAES: quoted, held in escrow, and once settled or released where it went "
            + "(paidForUsage + paidAsBonus + platformFee + refunded = held)")
    record Cost(Long quoted, Long held, UUID escrowId, JsonNode settlement) {
    }

    @Schema(description = "The EXECUTION and COMPLETION blocks on the chain, once appended")
    record Blocks(Block execution, Block completion) {
    }

    record Block(long height, String hash) {
    }

    @Schema(description = "One host's assignment and what it reported")
    record AssignmentView(UUID id, String host, int attempt, String state, Instant offeredAt, Instant leasedAt,
            Instant reportedAt, Integer exitCode, String outputDigest, Long cpuMs, Long peakMemoryKb, Long wallMs,
            String verdict, String error) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id(), a.hostId(), a.attempt(), a.state().name(), a.offeredAt(), a.leasedAt(),
                    a.reportedAt(), a.exitCode(), a.outputDigest(), a.cpuMs(), a.peakMemoryKb(), a.wallMs(), a.verdict(),
                    a.error());
        }
    }

    static ExecutionResponse of(Execution e, List<Assignment> assignments, List<Timeline.Event> timeline, String waitingFor) {
        Failure failure = e.failureType() == null ? null : new Failure(e.failureStatus(), e.failureType(), e.failureDetail());
        Result result = e.acceptedDigest() == null ? null : new Result(e.acceptedExitCode(), e.acceptedDigest());
        Cost cost = new Cost(e.quoted(), e.held(), e.escrowId(), e.settlement() == null ? null : CanonicalJson.parse(e.settlement()));
        Blocks blocks = new Blocks(e.executionHeight() == null ? null : new Block(e.executionHeight(), e.executionHash()),
                e.completionHeight() == null ? null : new Block(e.completionHeight(), e.completionHash()));
        return new ExecutionResponse(e.id(), e.client(), e.assetId(), e.assetVersion(), e.state(), e.step().name(),
                e.state().finished() ? null : waitingFor, failure, e.privacy(), e.redundancy(), e.strategy(), e.maxPrice(),
                e.deadline(), result, cost, blocks, assignments.stream().map(AssignmentView::of).toList(), timeline,
                e.createdAt(), e.updatedAt(), e.finishedAt());
    }

    static String path(String id) {
        return "/api/v1/executions/" + id;
    }
}
