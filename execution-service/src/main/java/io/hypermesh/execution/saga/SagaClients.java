package io.hypermesh.execution.saga;

import io.hypermesh.execution.config.ServiceIdentity;
import io.hypermesh.service.client.ServiceCall;
import java.util.function.Function;

/**
 * The four services the saga calls, each behind its own {@link ServiceCall} (this service's token, a breaker per
 * callee): a refusal comes back as {@code ServiceRefusedException}, no usable answer as
 * {@code ServiceUnavailableException}, which the driver turns into a visible wait.
 */
record SagaClients(SagaApis.Registry registryApi, SagaApis.Payment paymentApi, SagaApis.Ledger ledgerApi,
        SagaApis.Routing routingApi, ServiceCall registryCall, ServiceCall paymentCall, ServiceCall ledgerCall,
        ServiceCall routingCall, ServiceIdentity identity) {

    <R> R registry(Function<String, R> call) {
        return registryCall.call(call);
    }

    <R> R payment(Function<String, R> call) {
        return paymentCall.call(call);
    }

    <R> R ledger(Function<String, R> call) {
        return ledgerCall.call(call);
    }

    <R> R routing(Function<String, R> call) {
        return routingCall.call(call);
    }
}
