package io.hypermesh.payment.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What one replica of an execution needs; absent optional amounts are zero. */
@Schema(description = "Resources of one replica: cores and GPUs held for the duration, memory in MB held for the duration, "
        + "storage in MB, network traffic in MB")
record Requirements(
        @NotNull @Min(1) @Max(1024) Integer cpuCores,
        @NotNull @Min(0) @Max(16_777_216) Long memoryMb,
        @Min(0) @Max(1_000_000_000) Long storageMb,
        @Min(0) @Max(64) Integer gpus,
        @Min(0) @Max(1_000_000_000) Long networkMb) {

    Requirements {
        storageMb = storageMb == null ? 0L : storageMb;
        gpus = gpus == null ? 0 : gpus;
        networkMb = networkMb == null ? 0L : networkMb;
    }
}
