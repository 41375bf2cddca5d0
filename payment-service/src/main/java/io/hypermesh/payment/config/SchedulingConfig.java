package io.hypermesh.payment.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Releases of matured stake unlocks and expiry of stored idempotent replies run on a schedule. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PaymentProperties.class)
class SchedulingConfig {
}
