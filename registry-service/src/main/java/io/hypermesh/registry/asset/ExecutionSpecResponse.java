package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

@Schema(description = "A DEPLOYED version as execution-service runs it, code included: the platform hands the code only "
        + "to the hosts assigned to the execution")
record ExecutionSpecResponse(String assetId, int version, String owner, String name, String runtime, String code,
        String codeDigest, String entrypoint,
        @Schema(type = "object", types = "object", implementation = Object.class) JsonNode parameters,
        ResourceRequirements resources, PrivacyLevel privacy, List<String> allowedZones, Deployment deployment) {

    static ExecutionSpecResponse of(Asset asset) {
        AssetContent content = asset.content();
        return new ExecutionSpecResponse(asset.id().toString(), asset.version(), asset.owner(), content.name(),
                content.runtime(), content.code(), content.codeDigest(), content.entrypoint(), content.parameters(),
                content.resources(), content.privacy(), content.allowedZones(), asset.deployment());
    }
}
