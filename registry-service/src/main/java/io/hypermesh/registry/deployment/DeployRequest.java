package io.hypermesh.registry.deployment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

@Schema(description = "The owner's consensus proof over the version's DEPLOYMENT operation")
record DeployRequest(
        @NotNull @Schema(description = "stake, work, time and space, as ledger-service's append takes them (docs/protocol.md)")
        JsonNode proof) {
}
