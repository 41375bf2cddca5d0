package io.hypermesh.routing.config;

import io.hypermesh.routing.matrix.HostIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One index per process, shared by the write API and selections; the sync job keeps it current. */
@Configuration
@EnableScheduling
class MatrixConfig {

    @Bean
    HostIndex hostIndex() {
        return new HostIndex();
    }
}
