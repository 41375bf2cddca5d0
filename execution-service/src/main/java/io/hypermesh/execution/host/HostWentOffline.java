package io.hypermesh.execution.host;

import java.time.Instant;

/** Published when a host missed its heartbeats; its running assignments are to be handed to other hosts. */
public record HostWentOffline(String hostId, Instant lastHeartbeatAt, Instant at) {
}
