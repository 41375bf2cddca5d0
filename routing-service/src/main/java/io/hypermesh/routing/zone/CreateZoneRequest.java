package io.hypermesh.routing.zone;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A new zone", example = """
        {"name": "eu-west", "description": "Western Europe",
         "bounds": {"min": {"x": 0, "y": 0, "z": 0}, "max": {"x": 100, "y": 100, "z": 100}}}""")
record CreateZoneRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be 2-63 lowercase letters, digits or '-', starting with a letter")
        String name,
        @Size(max = 500) String description,
        @NotNull @Valid Bounds bounds) {
}
