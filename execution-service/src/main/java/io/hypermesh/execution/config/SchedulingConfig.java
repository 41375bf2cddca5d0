package io.hypermesh.execution.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background duties such as marking silent hosts OFFLINE run on Boot's task scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
