package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

@Schema(description = "One version of a compute asset, in full")
record AssetResponse(
        String id,
        String owner,
        String name,
        String description,
        String runtime,
        @Schema(description = "The code; null when the privacy level does not let you read it (see codeReadable)")
        String code,
        @Schema(description = "Whether you may read the code: always for the owner; see the README for the other levels")
        boolean codeReadable,
        @Schema(description = "SHA-256 of the code's UTF-8 bytes, lowercase hex") String codeDigest,
        int codeSizeBytes,
        String entrypoint,
        @Schema(type = "object", types = "object", implementation = Object.class) JsonNode parameters,
        ResourceRequirements resources,
        PrivacyLevel privacy,
        List<String> allowedZones,
        List<String> tags,
        List<DependencyResponse> dependencies,
        int version,
        AssetStatus status,
        @Schema(description = "The ledger block that deployed this version; null unless deployed (kept when retired)",
                nullable = true)
        Deployment deployment,
        Instant createdAt,
        Instant updatedAt) {

    static AssetResponse of(Asset asset, Viewer viewer) {
        AssetContent content = asset.content();
        boolean codeReadable = viewer.canReadCode(asset.owner(), content.privacy());
        return new AssetResponse(asset.id().toString(), asset.owner(), content.name(), content.description(),
                content.runtime(), codeReadable ? content.code() : null, codeReadable, content.codeDigest(),
                content.codeSizeBytes(), content.entrypoint(), content.parameters(), content.resources(), content.privacy(),
                content.allowedZones(), content.tags(), content.dependencies().stream().map(DependencyResponse::of).toList(),
                asset.version(), asset.status(), asset.deployment(), asset.createdAt(), asset.updatedAt());
    }
}
