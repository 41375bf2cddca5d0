package io.hypermesh.registry.asset;

import java.time.Instant;
import java.util.List;

/** An asset in a list: everything but the code and the parameter schema, to keep pages small. */
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
        int version,
        AssetStatus status,
        Instant createdAt,
        Instant updatedAt) {

    static AssetSummaryResponse of(Asset asset) {
        AssetContent content = asset.content();
        return new AssetSummaryResponse(asset.id().toString(), asset.owner(), content.name(), content.description(),
                content.runtime(), content.codeDigest(), content.codeSizeBytes(), content.resources(), content.privacy(),
                content.allowedZones(), content.tags(), asset.version(), asset.status(), asset.createdAt(), asset.updatedAt());
    }
}
