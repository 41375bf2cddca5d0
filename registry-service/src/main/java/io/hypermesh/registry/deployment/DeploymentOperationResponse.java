package io.hypermesh.registry.deployment;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

@Schema(description = "The operation to sign: make a consensus proof over this type and payload (docs/protocol.md)",
        example = """
                {"type": "DEPLOYMENT",
                 "payload": {"allowedZones": [], "assetId": "0193a0c2-7f3e-7c1a-9d2b-5e8f4a6b1c0d", "codeDigest":
                   "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "entrypoint": "main",
                   "privacy": "FULL_PUBLIC", "requirements": {"cpuCores": 1, "maxRuntimeSeconds": 60, "memoryMb": 256,
                   "network": false, "storageMb": 0}, "runtime": "python", "version": 1}}""")
record DeploymentOperationResponse(String type, JsonNode payload) {
}
