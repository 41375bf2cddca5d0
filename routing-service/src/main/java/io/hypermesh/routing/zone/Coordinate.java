package io.hypermesh.routing.zone;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A point of the 3D network coordinate space. Distances in it predict round-trip time in milliseconds. */
@Schema(description = "A point in the 3D network coordinate space", example = "{\"x\": 12.5, \"y\": -3.0, \"z\": 40.0}")
public record Coordinate(@NotNull Double x, @NotNull Double y, @NotNull Double z) {
}
