package io.hypermesh.registry.deployment;

import java.time.Instant;
import java.util.UUID;

/** A deployment sent (or about to be sent) to the ledger and not yet recorded on its version. */
record PendingDeployment(UUID assetId, int version, String idempotencyKey, String ledgerKey, String payload, String proof,
                         String requestedBy, Instant requestedAt) {
}
