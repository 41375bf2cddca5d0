package io.hypermesh.registry.usage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Usage of an asset (all versions) or of one version; versions is empty for a single version")
record UsageResponse(
        String assetId,
        @Schema(description = "The version; null for the whole asset", nullable = true) Integer version,
        long executions,
        long successes,
        @Schema(description = "successes / executions; null before the first execution", nullable = true) Double successRate,
        @Schema(description = "Mean duration in milliseconds; null before the first execution", nullable = true)
        Double meanDurationMs,
        List<UsageResponse> versions) {

    static UsageResponse of(String assetId, Integer version, UsageTotals totals, List<UsageResponse> versions) {
        boolean any = totals.executions() > 0;
        return new UsageResponse(assetId, version, totals.executions(), totals.successes(),
                any ? (double) totals.successes() / totals.executions() : null,
                any ? (double) totals.totalDurationMs() / totals.executions() : null,
                versions);
    }
}
