package io.hypermesh.execution.host;

import java.time.Instant;

/** Published after a host leaves cleanly; nothing new may be assigned to it. */
public record HostLeft(String hostId, Instant at) {
}
