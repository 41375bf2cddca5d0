package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

record HeartbeatResponse(
        String hostId,
        HostStatus status,
        Instant lastHeartbeatAt,
        @Schema(description = "Silence longer than this marks the host OFFLINE; send heartbeats well within it")
        long heartbeatTimeoutSeconds) {
}
