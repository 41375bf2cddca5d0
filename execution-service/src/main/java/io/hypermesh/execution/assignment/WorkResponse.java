package io.hypermesh.execution.assignment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

@Schema(description = "Everything a leased assignment needs to run: the code and its entrypoint, the input (give it to "
        + "the program on standard input as canonical JSON), the parameters (the asset's defaults overridden by the "
        + "client's) and the limits to enforce. Report before 'leaseExpiresAt'.")
record WorkResponse(UUID assignmentId, String executionId, String assetId, int version, String runtime, String entrypoint,
        String code, String codeDigest, JsonNode input, JsonNode parameters, Limits limits, Instant leaseExpiresAt) {

    @Schema(description = "What the sandbox must allow at most")
    record Limits(int cpuCores, long memoryMb, long storageMb, boolean network, int maxRuntimeSeconds, int maxOutputBytes) {
    }
}
