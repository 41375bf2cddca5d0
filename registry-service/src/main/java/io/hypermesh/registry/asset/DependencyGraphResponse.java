package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "What a version depends on, directly (depth 1) and transitively; versions you may not see are left out")
record DependencyGraphResponse(
        DependencyResponse root,
        @Schema(description = "The depth asked for: 1 is direct dependencies only") int maxDepth,
        @Schema(description = "Each version reached, once, at the smallest depth it is reached at") List<Node> nodes,
        List<Edge> edges) {

    record Node(String assetId, int version, String name, AssetStatus status, int depth) {
    }

    record Edge(DependencyResponse from, DependencyResponse to) {
    }
}
