package io.hypermesh.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for a service. The read timeout bounds the wait for the response
 * headers: a service that is slower answers 504 instead of holding a gateway thread forever.
 */
@Validated
@ConfigurationProperties("hypermesh.gateway.timeouts")
public record DownstreamTimeouts(
        @NotNull @DefaultValue("2s") Duration connect,
        @NotNull @DefaultValue("10s") Duration read) {

    public DownstreamTimeouts {
        if (connect != null && (connect.isNegative() || connect.isZero())) {
            throw new IllegalArgumentException("hypermesh.gateway.timeouts.connect must be positive");
        }
        if (read != null && (read.isNegative() || read.isZero())) {
            throw new IllegalArgumentException("hypermesh.gateway.timeouts.read must be positive");
        }
    }
}
