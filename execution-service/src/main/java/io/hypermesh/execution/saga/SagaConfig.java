package io.hypermesh.execution.saga;

import io.hypermesh.execution.config.ServiceIdentity;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.service.client.ServiceCall;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The saga's clients, present only when registry, payment, ledger, routing and the service identity are configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionProperties.class)
class SagaConfig {

    @Bean
    @ConditionalOnExpression("!'${hypermesh.execution.runs.registry-url:}'.isBlank()"
            + " and !'${hypermesh.execution.runs.payment-url:}'.isBlank()"
            + " and !'${hypermesh.execution.runs.ledger-url:}'.isBlank()"
            + " and !'${hypermesh.execution.placement.routing-url:}'.isBlank()"
            + " and !'${hypermesh.execution.identity.gateway-url:}'.isBlank()"
            + " and !'${hypermesh.execution.identity.key-file:}'.isBlank()")
    SagaClients sagaClients(ExecutionProperties properties, ServiceIdentity identity,
            @Value("${hypermesh.execution.placement.routing-url}") String routingUrl, RestClient.Builder builder) {
        Duration connect = properties.connectTimeout();
        Duration read = properties.readTimeout();
        var tokens = identity.tokens();
        return new SagaClients(
                ServiceCall.client(SagaApis.Registry.class, builder, properties.registryUrl(), connect, read),
                ServiceCall.client(SagaApis.Payment.class, builder, properties.paymentUrl(), connect, read),
                ServiceCall.client(SagaApis.Ledger.class, builder, properties.ledgerUrl(), connect, read),
                ServiceCall.client(SagaApis.Routing.class, builder, routingUrl, connect, read),
                new ServiceCall("registry-service", tokens), new ServiceCall("payment-service", tokens),
                new ServiceCall("ledger-service", tokens), new ServiceCall("routing-service", tokens), identity);
    }

    /** The saga's worker threads; a full queue leaves the work to the next poll (the queue table keeps it). */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor sagaWorkers(@Value("${hypermesh.execution.runs.workers:8}") int workers) {
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                runnable -> {
                    Thread thread = new Thread(runnable, "saga-worker");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }
}
