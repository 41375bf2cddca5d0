package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(description = "A sign of life with the host's current load", example = "{\"load\": 250, \"runningAssignments\": 2}")
record HeartbeatRequest(
        @Schema(description = "Load from 0 (idle) to 1000 (saturated), in permille; an integer keeps comparisons exact")
        @NotNull @Min(0) @Max(1000) Integer load,
        @NotNull @Min(0) @Max(100_000) Integer runningAssignments) {
}
