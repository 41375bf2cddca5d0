package io.hypermesh.execution.placement;

import io.hypermesh.execution.config.ServiceIdentity;
import io.hypermesh.service.client.ServiceCall;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The routing client and the dispatcher, present only when routing and the service identity are configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlacementProperties.class)
class PlacementConfig {

    @Bean
    @ConditionalOnExpression("!'${hypermesh.execution.placement.routing-url:}'.isBlank()"
            + " and !'${hypermesh.execution.identity.gateway-url:}'.isBlank()"
            + " and !'${hypermesh.execution.identity.key-file:}'.isBlank()")
    RoutingClient routingClient(PlacementProperties properties, RestClient.Builder builder, ServiceIdentity identity) {
        RoutingHosts hosts = ServiceCall.client(RoutingHosts.class, builder, properties.routingUrl(),
                properties.connectTimeout(), properties.readTimeout());
        return new RoutingClient(hosts, new ServiceCall("routing-service", identity.tokens()));
    }

    @Bean
    @ConditionalOnBean(RoutingClient.class)
    PlacementDispatcher placementDispatcher(PlacementRepository outbox, RoutingClient routing, PlacementProperties properties,
            Clock clock) {
        return new PlacementDispatcher(outbox, routing, properties, clock);
    }

    @Bean
    Gauge pendingPlacements(MeterRegistry meters, PlacementRepository outbox) {
        return Gauge.builder("execution_host_placements_pending", outbox, PlacementRepository::pendingCount)
                .description("Host changes not yet delivered to routing-service's matrix")
                .register(meters);
    }
}
