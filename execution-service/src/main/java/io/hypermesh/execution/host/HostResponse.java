package io.hypermesh.execution.host;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

record HostResponse(
        String id,
        String publicKey,
        HostResources resources,
        List<String> runtimes,
        List<String> privacyCapabilities,
        String zone,
        Coordinate coordinate,
        HostStatus status,
        @Schema(description = "Last reported load, 0-1000 permille") int load,
        int runningAssignments,
        Instant joinedAt,
        Instant lastHeartbeatAt,
        Instant leftAt) {

    static HostResponse of(Host host) {
        return new HostResponse(host.id().value(), host.publicKey(), host.resources(), host.runtimes(),
                host.privacyCapabilities(), host.zone(), host.coordinate(), host.status(), host.load(),
                host.runningAssignments(), host.joinedAt(), host.lastHeartbeatAt(), host.leftAt());
    }
}
