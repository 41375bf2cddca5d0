package io.hypermesh.payment.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What one host actually used for an execution, as metered by execution-service. The same units as
 * a quote's lines; absent amounts are zero. The bounds are a month of the largest quotable replica.
 */
@Schema(description = "Metered usage of one host: core-seconds, MB-seconds of memory, MB of storage, GPU-seconds, MB of network",
        example = """
        {"cpuCoreSeconds": 120, "memoryMbSeconds": 122880, "storageMb": 512, "gpuSeconds": 0, "networkMb": 100}""")
public record MeteredUsage(
        @Min(0) @Max(2_654_208_000L) Long cpuCoreSeconds,
        @Min(0) @Max(43_486_543_872_000L) Long memoryMbSeconds,
        @Min(0) @Max(1_000_000_000) Long storageMb,
        @Min(0) @Max(165_888_000) Long gpuSeconds,
        @Min(0) @Max(1_000_000_000) Long networkMb) {

    public MeteredUsage {
        cpuCoreSeconds = cpuCoreSeconds == null ? 0L : cpuCoreSeconds;
        memoryMbSeconds = memoryMbSeconds == null ? 0L : memoryMbSeconds;
        storageMb = storageMb == null ? 0L : storageMb;
        gpuSeconds = gpuSeconds == null ? 0L : gpuSeconds;
        networkMb = networkMb == null ? 0L : networkMb;
    }
}
