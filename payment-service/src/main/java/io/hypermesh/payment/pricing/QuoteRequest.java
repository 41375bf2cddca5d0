package io.hypermesh.payment.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "What to price: one replica's resources, the expected duration, privacy level and redundancy k",
        example = """
        {"resources": {"cpuCores": 2, "memoryMb": 2048, "storageMb": 512, "gpus": 0, "networkMb": 100},
         "durationSeconds": 60, "privacy": "PRIVATE", "redundancy": 3}""")
record QuoteRequest(
        @NotNull @Valid Requirements resources,
        @NotNull @Min(1) @Max(2_592_000) Long durationSeconds,
        @NotNull @Pattern(regexp = PrivacyLevel.PATTERN, message = PrivacyLevel.MESSAGE) String privacy,
        @NotNull @Min(1) @Max(16) Integer redundancy,
        @Schema(description = "The client this quote is for; only execution-service may name another identity (it quotes "
                + "on a client's behalf before holding that client's escrow); absent: the caller", nullable = true)
        @Pattern(regexp = "hm1[a-z2-7]{32}", message = "must be an identity: 'hm1' followed by 32 lowercase base32 characters")
        String client) {
}
