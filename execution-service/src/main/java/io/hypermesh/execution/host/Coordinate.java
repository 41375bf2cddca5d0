package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The host's point in the 3D network coordinate space that routing uses (distance predicts round-trip time). */
@Schema(description = "A point in the 3D network coordinate space", example = "{\"x\": 12.5, \"y\": -3.0, \"z\": 40.0}")
record Coordinate(@NotNull Double x, @NotNull Double y, @NotNull Double z) {
}
