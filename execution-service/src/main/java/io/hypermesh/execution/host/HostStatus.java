package io.hypermesh.execution.host;

/** ONLINE while heartbeats arrive; OFFLINE when they stop; LEFT after a clean leave. */
enum HostStatus {
    ONLINE,
    OFFLINE,
    LEFT;

    static final String PATTERN = "ONLINE|OFFLINE|LEFT";
}
