package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

record AssetResponse(
        String id,
        String owner,
        String name,
        String description,
        String runtime,
        String code,
        @Schema(description = "SHA-256 of the code's UTF-8 bytes, lowercase hex") String codeDigest,
        int codeSizeBytes,
        String entrypoint,
        @Schema(type = "object", types = "object", implementation = Object.class) JsonNode parameters,
        ResourceRequirements resources,
        PrivacyLevel privacy,
        List<String> allowedZones,
        List<String> tags,
        int version,
        AssetStatus status,
        Instant createdAt,
        Instant updatedAt) {

    static AssetResponse of(Asset asset) {
        AssetContent content = asset.content();
        return new AssetResponse(asset.id().toString(), asset.owner(), content.name(), content.description(),
                content.runtime(), content.code(), content.codeDigest(), content.codeSizeBytes(), content.entrypoint(),
                content.parameters(), content.resources(), content.privacy(), content.allowedZones(), content.tags(),
                asset.version(), asset.status(), asset.createdAt(), asset.updatedAt());
    }
}
