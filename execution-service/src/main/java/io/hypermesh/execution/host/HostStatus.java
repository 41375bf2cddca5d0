package io.hypermesh.execution.host;

/**
 * ONLINE while heartbeats arrive; SUSPECT after one missed window (no new work, keeps what it runs); OFFLINE when
 * the silence reaches the timeout (its open work goes to other hosts); LEFT after a clean leave.
 */
enum HostStatus {
    ONLINE,
    SUSPECT,
    OFFLINE,
    LEFT;

    static final String PATTERN = "ONLINE|SUSPECT|OFFLINE|LEFT";
}
