package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The full content of a draft: the body of create (POST .../assets), update (PUT, which replaces it)
 * and new version (POST .../assets/{id}/versions).
 */
@Schema(description = "The content of a draft compute asset", example = """
        {"name": "word-count", "description": "Counts words in a text",
         "runtime": "python", "code": "def main(text):\\n    return len(text.split())\\n", "entrypoint": "main",
         "parameters": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
         "resources": {"cpuCores": 1, "memoryMb": 256, "storageMb": 0, "network": false, "maxRuntimeSeconds": 30},
         "privacy": "FULL_PUBLIC", "allowedZones": ["eu-west"], "tags": ["text", "nlp"], "dependencies": []}""")
record AssetDraftRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = StorableText.PATTERN, message = StorableText.MESSAGE) String name,
        @Size(max = 2000) @Pattern(regexp = StorableText.PATTERN, message = StorableText.MESSAGE) String description,
        @NotNull @Pattern(regexp = Runtimes.PATTERN, message = Runtimes.MESSAGE) String runtime,
        @Schema(description = "The source (or, for wasm, base64 of the module), inline; limited by hypermesh.registry.max-code-size")
        @NotBlank @Pattern(regexp = StorableText.PATTERN, message = StorableText.MESSAGE) String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = StorableText.PATTERN, message = StorableText.MESSAGE) String entrypoint,
        @Schema(description = "A JSON Schema (a JSON object) that the parameters of an execution must satisfy",
                type = "object", types = "object", implementation = Object.class)
        JsonNode parameters,
        @NotNull @Valid ResourceRequirements resources,
        @NotNull @Pattern(regexp = PrivacyLevel.PATTERN, message = "must be one of " + PrivacyLevel.PATTERN) String privacy,
        @Schema(description = "Zones where the asset may run; empty means any zone")
        @Size(max = 32) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be a zone name") String> allowedZones,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                message = "must be 1-32 lowercase letters, digits or '-'") String> tags,
        @Schema(description = "Other assets this version needs, each at an exact version; each must exist and be visible "
                + "to the owner, and none may lead back to this version (422 dependency-not-found, 409 dependency-cycle)")
        @Size(max = 50) List<@NotNull @Valid DependencyRequest> dependencies) {
}
