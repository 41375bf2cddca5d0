package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a host must offer to run the asset; routing matches hosts against it. */
@Schema(description = "Resources a host must offer to run the asset", example = """
        {"cpuCores": 2, "memoryMb": 512, "storageMb": 100, "network": false, "maxRuntimeSeconds": 60}""")
record ResourceRequirements(
        @NotNull @Min(1) @Max(1024) Integer cpuCores,
        @NotNull @Min(1) @Max(16_777_216) Integer memoryMb,
        @NotNull @Min(0) @Max(1_073_741_824) Integer storageMb,
        @Valid GpuRequirement gpu,
        @Schema(description = "Whether the code needs network access while it runs; false when absent")
        Boolean network,
        @NotNull @Min(1) @Max(86_400) Integer maxRuntimeSeconds) {

    /** Absent network means none: a sandbox is closed unless the asset asks otherwise. */
    ResourceRequirements normalized() {
        return new ResourceRequirements(cpuCores, memoryMb, storageMb, gpu, Boolean.TRUE.equals(network), maxRuntimeSeconds);
    }
}
