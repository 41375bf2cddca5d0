package io.hypermesh.registry.usage;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "The outcome of one execution of one asset version, reported once it finished", example = """
        {"executionId": "exec-019abc12-3456", "assetId": "019abc12-3456-7def-8123-456789abcdef", "version": 1,
         "success": true, "durationMs": 1250}""")
record ExecutionReportRequest(
        @Schema(description = "execution-service's id of the execution; reporting it again is harmless")
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}", message = "must be 1-128 letters, digits, '_', '.', ':' or '-'")
        String executionId,
        @NotNull @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", message = "must be an asset id (a UUID)")
        String assetId,
        @NotNull @Min(1) Integer version,
        @NotNull Boolean success,
        @NotNull @Min(0) @Max(864_000_000L) Long durationMs) {
}
