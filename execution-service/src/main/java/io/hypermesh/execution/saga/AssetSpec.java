package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Execution;
import io.hypermesh.protocol.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The fields of registry's execution spec (as the execution stored it) the saga acts on. */
record AssetSpec(String runtime, String entrypoint, String owner, String privacy, int cpuCores, long memoryMb,
        long storageMb, String gpuModel, long gpuMemoryMb, boolean network, int maxRuntimeSeconds, List<String> allowedZones,
        JsonNode parameters, String codeDigest) {

    static AssetSpec of(Execution execution) {
        JsonNode spec = CanonicalJson.parse(execution.assetSpec());
        JsonNode resources = spec.path("resources");
        JsonNode gpu = resources.path("gpu");
        List<String> zones = new ArrayList<>();
        spec.path("allowedZones").forEach(zone -> zones.add(zone.asString()));
        return new AssetSpec(spec.path("runtime").asString(), spec.path("entrypoint").asString(), spec.path("owner").asString(),
                spec.path("privacy").asString(), resources.path("cpuCores").asInt(), resources.path("memoryMb").asLong(),
                resources.path("storageMb").asLong(), gpu.isObject() ? gpu.path("model").asString() : null,
                gpu.isObject() ? gpu.path("memoryMb").asLong() : 0, resources.path("network").asBoolean(false),
                resources.path("maxRuntimeSeconds").asInt(), List.copyOf(zones), spec.path("parameters"),
                spec.path("codeDigest").asString());
    }

    /** The level asked for, or the asset's own. */
    String privacyFor(Execution execution) {
        return execution.privacy() == null ? privacy : execution.privacy();
    }
}
