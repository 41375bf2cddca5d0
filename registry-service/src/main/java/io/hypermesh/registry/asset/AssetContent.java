package io.hypermesh.registry.asset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The editable part of an asset version; the code digest always belongs to the code beside it. */
record AssetContent(
        String name,
        String description,
        String runtime,
        String code,
        String codeDigest,
        String entrypoint,
        JsonNode parameters,
        ResourceRequirements resources,
        PrivacyLevel privacy,
        List<String> allowedZones,
        List<String> tags,
        List<VersionRef> dependencies) {

    AssetContent {
        allowedZones = List.copyOf(allowedZones);
        tags = List.copyOf(tags);
        dependencies = List.copyOf(dependencies);
    }

    int codeSizeBytes() {
        return code.getBytes(StandardCharsets.UTF_8).length;
    }
}
