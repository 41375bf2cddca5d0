package io.hypermesh.registry.deployment;

import io.hypermesh.protocol.KeyFile;
import io.hypermesh.protocol.ServiceTokens;
import io.hypermesh.service.client.ServiceCall;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/**
 * The ledger client, present only when the ledger, the gateway and the registry's key are all configured; and the
 * scheduler that re-drives deployments left pending.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(DeploymentProperties.class)
class DeploymentConfig {

    @Bean
    @ConditionalOnExpression("!'${hypermesh.registry.deployment.ledger-url:}'.isBlank()"
            + " and !'${hypermesh.registry.deployment.gateway-url:}'.isBlank()"
            + " and !'${hypermesh.registry.deployment.service-key-file:}'.isBlank()")
    LedgerClient ledgerClient(DeploymentProperties properties, RestClient.Builder builder, Clock clock) throws IOException {
        // A configured key that cannot be read stops the start: better than a registry that cannot deploy.
        ServiceTokens tokens = ServiceTokens.fromGateway(URI.create(properties.gatewayUrl()),
                KeyFile.read(Path.of(properties.serviceKeyFile())), clock);
        LedgerBlocks ledger = ServiceCall.client(LedgerBlocks.class, builder, properties.ledgerUrl(),
                properties.connectTimeout(), properties.readTimeout());
        return new LedgerClient(ledger, new ServiceCall("ledger-service", tokens));
    }
}
