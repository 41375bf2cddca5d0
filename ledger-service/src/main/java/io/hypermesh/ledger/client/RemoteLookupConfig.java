package io.hypermesh.ledger.client;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Wires each lookup only when its service's URL is configured (HYPERMESH_PAYMENT_URL, HYPERMESH_ROUTING_URL). */
@Configuration
@EnableConfigurationProperties(ClientProperties.class)
class RemoteLookupConfig {

    @Bean
    @ConditionalOnExpression("!'${hypermesh.ledger.clients.payment-url:}'.isBlank()")
    StakeClient stakeClient(RestClient.Builder builder, ClientProperties properties) {
        return new PaymentStakeClient(RemoteLookups.client(builder, properties.paymentUrl(), properties, PaymentStakeClient.Stakes.class),
                properties);
    }

    @Bean
    @ConditionalOnExpression("!'${hypermesh.ledger.clients.routing-url:}'.isBlank()")
    ZoneClient zoneClient(RestClient.Builder builder, ClientProperties properties) {
        return new RoutingZoneClient(RemoteLookups.client(builder, properties.routingUrl(), properties, RoutingZoneClient.Zones.class),
                properties);
    }
}
