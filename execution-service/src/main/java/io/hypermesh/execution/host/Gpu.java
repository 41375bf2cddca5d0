package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A GPU the host offers", example = "{\"model\": \"nvidia-t4\", \"memoryMb\": 16384}")
record Gpu(
        // PostgreSQL text cannot hold NUL; refusing it here names the field instead of failing the INSERT.
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character") String model,
        @NotNull @Min(1) @Max(1_048_576) Integer memoryMb) {
}
