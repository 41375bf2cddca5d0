package io.hypermesh.execution.placement;

import io.hypermesh.service.client.ServiceCall;
import java.util.function.Function;

/** routing-service's host API behind the shared service call (token, breaker, refused vs unavailable). */
record RoutingClient(RoutingHosts hosts, ServiceCall call) {

    <R> R call(Function<String, R> request) {
        return call.call(request);
    }
}
