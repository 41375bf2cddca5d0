package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.ExecutionState;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The accepted result: what the majority's program wrote to standard output and its exit code; "
        + "outputDigest is SHA-256 of the output's UTF-8 bytes")
record ResultResponse(String executionId, ExecutionState state, int exitCode, String output, String outputDigest) {
}
