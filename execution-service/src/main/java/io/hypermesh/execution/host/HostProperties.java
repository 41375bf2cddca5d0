package io.hypermesh.execution.host;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param suspectAfter     silence after which an ONLINE host is SUSPECT: it gets no new work
 * @param heartbeatTimeout silence after which an ONLINE or SUSPECT host is marked OFFLINE
 * @param sweepInterval    how often that check runs (read by {@link HostSweeper}'s schedule)
 */
@Validated
@ConfigurationProperties("hypermesh.execution.hosts")
record HostProperties(
        @NotNull @DefaultValue("10s") Duration suspectAfter,
        @NotNull @DefaultValue("30s") Duration heartbeatTimeout,
        @NotNull @DefaultValue("5s") Duration sweepInterval) {
}
