package io.hypermesh.registry.asset;

import java.time.Instant;

/** One version in an asset's version list; GET .../versions/{n} has the rest. */
record VersionSummaryResponse(
        int version,
        AssetStatus status,
        String codeDigest,
        Deployment deployment,
        Instant createdAt,
        Instant updatedAt) {
}
