package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A GPU the asset needs", example = "{\"model\": \"nvidia-a100\", \"memoryMb\": 40960}")
record GpuRequirement(
        @NotBlank @Size(max = 100) @Pattern(regexp = StorableText.PATTERN, message = StorableText.MESSAGE) String model,
        @NotNull @Min(1) @Max(1_048_576) Integer memoryMb) {
}
