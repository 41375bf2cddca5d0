package io.hypermesh.payment.escrow;

import io.hypermesh.payment.pricing.MeteredUsage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "One participating host: its metered usage, whether its work succeeded and how long it took")
record HostReport(
        @NotNull @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 lowercase base32 characters")
        String host,
        @NotNull @Valid MeteredUsage usage,
        @NotNull Boolean succeeded,
        @NotNull @Min(0) @Max(2_592_000) Long durationSeconds) {
}
