package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.hypermesh.routing.zone.Coordinate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Set;

@Schema(description = "A host as execution-service knows it; the coordinate is optional (default: the zone's centre)",
        example = """
                {"zone": "eu-west", "coordinate": {"x": 10, "y": 20, "z": 5},
                 "runtimes": ["python", "wasm"], "cpuCores": 8, "memoryMb": 16384, "storageMb": 100000,
                 "gpu": {"model": "t4", "memoryMb": 16384},
                 "privacyLevels": ["P2P", "PUBLIC_NETWORK", "FULL_PUBLIC"], "loadPermille": 120, "reputation": 500}""")
record UpsertHostRequest(
        @NotBlank String zone,
        @Valid Coordinate coordinate,
        @NotEmpty @Size(max = 16) Set<@Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String> runtimes,
        @NotNull @Min(1) @Max(4096) Integer cpuCores,
        @NotNull @PositiveOrZero Long memoryMb,
        @NotNull @PositiveOrZero Long storageMb,
        @Valid Gpu gpu,
        @NotEmpty Set<@NotNull PrivacyLevel> privacyLevels,
        @Min(0) @Max(1000) Integer loadPermille,
        @Min(0) @Max(1000) Integer reputation) {

    record Gpu(@NotBlank @Size(max = 64) String model, @NotNull @PositiveOrZero Long memoryMb) {
    }
}
