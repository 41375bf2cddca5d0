package io.hypermesh.registry.deployment;

import io.hypermesh.protocol.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What a DEPLOYMENT block says about a version, and where the version's own deployment stands. */
record VersionToDeploy(UUID assetId, int version, String owner, String status, String codeDigest, String runtime,
                       String entrypoint, int cpuCores, int memoryMb, int storageMb, String gpuModel, Integer gpuMemoryMb,
                       boolean network, int maxRuntimeSeconds, String privacy, List<String> allowedZones,
                       Long blockHeight, String blockHash, Instant deployedAt, String deploymentIdempotencyKey) {

    static final String BLOCK_TYPE = "DEPLOYMENT";

    /**
     * The operation the owner signs and the ledger records, in RFC 8785 canonical form. Everything a host needs
     * to trust before running the code: which code (its digest), how, with what resources and at which privacy.
     */
    String canonicalPayload() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode requirements = nodes.objectNode()
                .put("cpuCores", cpuCores)
                .put("memoryMb", memoryMb)
                .put("storageMb", storageMb)
                .put("network", network)
                .put("maxRuntimeSeconds", maxRuntimeSeconds);
        if (gpuModel != null) {
            requirements.set("gpu", nodes.objectNode().put("model", gpuModel).put("memoryMb", gpuMemoryMb));
        }
        ObjectNode payload = nodes.objectNode()
                .put("assetId", assetId.toString())
                .put("version", version)
                .put("codeDigest", codeDigest)
                .put("runtime", runtime)
                .put("entrypoint", entrypoint)
                .put("privacy", privacy);
        payload.set("requirements", requirements);
        payload.set("allowedZones", nodes.arrayNode().addAll(allowedZones.stream().map(nodes::stringNode).toList()));
        return CanonicalJson.canonicalString(payload);
    }

    boolean isDeployed() {
        return blockHeight != null;
    }
}
