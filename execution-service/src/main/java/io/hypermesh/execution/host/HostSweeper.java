package io.hypermesh.execution.host;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Turns missing heartbeats into OFFLINE hosts, so that routing stops choosing them. */
@Component
class HostSweeper {

    private final HostService hosts;

    HostSweeper(HostService hosts) {
        this.hosts = hosts;
    }

    @Scheduled(initialDelayString = "${hypermesh.execution.hosts.sweep-interval:5s}",
            fixedDelayString = "${hypermesh.execution.hosts.sweep-interval:5s}")
    void sweep() {
        hosts.markSilentHostsOffline();
    }
}
