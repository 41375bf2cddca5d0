package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

record HostPage(
        List<HostResponse> items,
        @Schema(description = "Pass as 'after' to get the next page; null on the last page") String next) {
}
