package io.hypermesh.registry.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

record AssetPage(
        List<AssetSummaryResponse> items,
        @Schema(description = "Pass as 'after' to get the next page; null on the last page") String next) {
}
