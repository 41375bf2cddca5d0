package io.hypermesh.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service contract's settings, the same keys in every service.
 *
 * @param maxRequestBody the largest request body accepted (larger: 413)
 * @param maxTokenLifetime the longest lifetime (exp − iat) of a bearer token accepted
 */
@ConfigurationProperties("hypermesh.http")
public record ServiceSupportProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("24h") Duration maxTokenLifetime) {
}
