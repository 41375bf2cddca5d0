package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "A dependency on one exact version of another asset",
        example = "{\"assetId\": \"019abc12-3456-7def-8123-456789abcdef\", \"version\": 2}")
record DependencyRequest(
        @NotNull @Pattern(regexp = AssetId.PATTERN, message = "must be an asset id (a UUID)") String assetId,
        @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer version) {
}
