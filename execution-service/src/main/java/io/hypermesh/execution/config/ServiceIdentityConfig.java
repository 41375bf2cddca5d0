package io.hypermesh.execution.config;

import io.hypermesh.protocol.KeyFile;
import io.hypermesh.protocol.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service identity, present only when the gateway's address and the service's key file are configured. */
@Configuration(proxyBeanMethods = false)
class ServiceIdentityConfig {

    static final String CONFIGURED = "!'${hypermesh.execution.identity.gateway-url:}'.isBlank()"
            + " and !'${hypermesh.execution.identity.key-file:}'.isBlank()";

    @Bean
    @ConditionalOnExpression(CONFIGURED)
    ServiceIdentity serviceIdentity(@Value("${hypermesh.execution.identity.gateway-url}") String gatewayUrl,
            @Value("${hypermesh.execution.identity.key-file}") String keyFile, Clock clock) throws IOException {
        // A configured key that cannot be read stops the start: better than a service that cannot call the others.
        var key = KeyFile.read(Path.of(keyFile));
        return new ServiceIdentity(key, ServiceTokens.fromGateway(URI.create(gatewayUrl), key, clock));
    }
}
