package io.hypermesh.registry.deployment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A deployed version and the ledger block that deployed it")
record DeploymentResponse(UUID assetId, int version, @Schema(example = "DEPLOYED") String status, Block deployment) {

    @Schema(description = "The DEPLOYMENT block on the ledger (GET /api/v1/ledger/blocks/{blockHeight})")
    record Block(long blockHeight, String blockHash, Instant deployedAt) {
    }

    static DeploymentResponse of(VersionToDeploy version) {
        return new DeploymentResponse(version.assetId(), version.version(), version.status(),
                new Block(version.blockHeight(), version.blockHash(), version.deployedAt()));
    }
}
