package io.hypermesh.registry.network;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(description = "A new network; its name is unique among the owner's networks", example = "{\"name\": \"lab-team\"}")
record NetworkRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be 1-63 lowercase letters, digits or '-'")
        String name) {
}
