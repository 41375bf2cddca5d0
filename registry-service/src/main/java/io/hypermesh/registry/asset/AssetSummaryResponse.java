package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An asset in a list: its latest version without code, parameter schema or dependencies, to keep pages small. */
record AssetSummaryResponse(
        String id,
        String owner,
        String name,
        String description,
        String runtime,
        String codeDigest,
        int codeSizeBytes,
        ResourceRequirements resources,
        PrivacyLevel privacy,
        List<String> allowedZones,
        List<String> tags,
        @Schema(description = "The latest version") int version,
        @Schema(description = "The status of the latest version") AssetStatus status,
        Instant createdAt,
        Instant updatedAt) {
}
