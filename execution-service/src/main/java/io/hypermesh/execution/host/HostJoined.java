package io.hypermesh.execution.host;

import java.time.Instant;

/** Published after a host joins or rejoins; placement in routing's matrix will listen for it. */
public record HostJoined(String hostId, String zone, double x, double y, double z, Instant at) {
}
