package io.hypermesh.routing.selection;

import io.hypermesh.routing.matrix.PrivacyLevel;
import io.hypermesh.routing.matrix.Strategy;
import io.hypermesh.routing.zone.Coordinate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Set;

@Schema(description = "What the execution needs and how to rank the hosts that can provide it", example = """
        {"requirements": {"runtime": "python", "cpuCores": 2, "memoryMb": 2048},
         "privacyLevel": "P2P", "allowedZones": ["eu-west"], "clientCoordinate": {"x": 10, "y": 20, "z": 5},
         "k": 3, "excludedHosts": [], "strategy": "BALANCED"}""")
record SelectionRequest(
        @NotNull @Valid ResourceRequirements requirements,
        @NotNull PrivacyLevel privacyLevel,
        @Size(max = 64) Set<@NotBlank String> allowedZones,
        @NotNull @Valid Coordinate clientCoordinate,
        @NotNull @Min(1) @Max(64) Integer k,
        @Size(max = 1000) Set<@NotBlank String> excludedHosts,
        @NotNull Strategy strategy) {

    record ResourceRequirements(
            @NotBlank String runtime,
            @PositiveOrZero Integer cpuCores,
            @PositiveOrZero Long memoryMb,
            @PositiveOrZero Long storageMb,
            String gpuModel,
            @PositiveOrZero Long gpuMemoryMb) {
    }
}
