package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The ledger block that deployed a version; written by the deployment, read-only here. */
@Schema(description = "The DEPLOYMENT block on the ledger that deployed this version")
record Deployment(long blockHeight, String blockHash, Instant deployedAt) {
}
