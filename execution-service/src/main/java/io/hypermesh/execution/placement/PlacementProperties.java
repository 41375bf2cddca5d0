package io.hypermesh.execution.placement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Placement of hosts in routing-service's matrix, under execution-service's own identity (role {@code service}):
 * signed in at the gateway with its key ({@code hypermesh.execution.identity}). With routing or the identity unset, hosts
 * are not placed (a warning at start-up says so) and their changes wait in the outbox.
 *
 * @param dispatchInterval how often pending placements are delivered
 * @param batchSize        how many hosts one dispatch round claims
 * @param lease            how long a claimed host is left to one dispatcher (several replicas may dispatch)
 * @param loadStep         a heartbeat's load is passed on when it moved by at least this many permille
 */
@Validated
@ConfigurationProperties("hypermesh.execution.placement")
record PlacementProperties(
        String routingUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("3s") Duration readTimeout,
        @NotNull @DefaultValue("500ms") Duration dispatchInterval,
        @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("30s") Duration lease,
        @Min(1) @Max(1000) @DefaultValue("50") int loadStep) {
}
