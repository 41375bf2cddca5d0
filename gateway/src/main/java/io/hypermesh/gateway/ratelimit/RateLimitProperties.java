package io.hypermesh.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Requests allowed per identity (or per client address when anonymous) in each one-minute window. */
@Validated
@ConfigurationProperties("hypermesh.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("1200") int authenticatedPerMinute,
        @Min(1) @DefaultValue("120") int anonymousPerMinute) {
}
