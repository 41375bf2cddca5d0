package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(description = "What the host offers to executions", example = "{\"cpuCores\": 8, \"memoryMb\": 16384, \"storageMb\": 102400}")
record HostResources(
        @NotNull @Min(1) @Max(1024) Integer cpuCores,
        @NotNull @Min(1) @Max(16_777_216) Integer memoryMb,
        @NotNull @Min(0) @Max(1_073_741_824) Integer storageMb,
        @Valid Gpu gpu) {
}
