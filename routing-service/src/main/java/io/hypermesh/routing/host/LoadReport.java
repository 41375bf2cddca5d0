package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Schema(description = "Load from a heartbeat (0–1000 permille) and, when it changed, the host's reputation (0–1000)",
        example = "{\"loadPermille\": 350, \"reputation\": 620}")
record LoadReport(@NotNull @Min(0) @Max(1000) Integer loadPermille, @Min(0) @Max(1000) Integer reputation) {
}
