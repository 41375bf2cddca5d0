package io.hypermesh.execution.host;

import java.time.Instant;
import java.util.List;

/** A volunteer machine that executes assignments. Its id is the identity of the key it signs with. */
record Host(
        HostId id,
        String publicKey,
        HostResources resources,
        List<String> runtimes,
        List<String> privacyCapabilities,
        String zone,
        Coordinate coordinate,
        HostStatus status,
        int load,
        int runningAssignments,
        Instant joinedAt,
        Instant lastHeartbeatAt,
        Instant leftAt) {

    Host {
        runtimes = List.copyOf(runtimes);
        privacyCapabilities = List.copyOf(privacyCapabilities);
    }

    /** A host as it (re)joins: online, idle, and just heard from. */
    static Host joining(HostId id, String publicKey, JoinHostRequest request, Instant now) {
        return new Host(id, publicKey, request.resources(), request.runtimes().stream().distinct().toList(),
                request.privacyCapabilities().stream().distinct().toList(), request.zone(), request.coordinate(),
                HostStatus.ONLINE, 0, 0, now, now, null);
    }

    /** The host itself may change its state; an operator may also remove it. */
    boolean mayBeManagedBy(String identity, boolean operator) {
        return operator || id.value().equals(identity);
    }
}
