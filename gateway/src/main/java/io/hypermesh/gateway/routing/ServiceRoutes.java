package io.hypermesh.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes: API paths go to their service unchanged, and {@code /v3/api-docs/{service}} is that
 * service's own {@code /v3/api-docs}, so one Swagger UI at the gateway shows every service. Each
 * service has one circuit breaker, named after it, shared by its API and its document.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Path prefixes under {@code /api/v1/} owned by each service. */
    static final Map<String, List<String>> API_PATHS = Map.of(
            "registry", List.of("/api/v1/registry/**"),
            "execution", List.of("/api/v1/executions/**", "/api/v1/hosts/**", "/api/v1/assignments/**"),
            "routing", List.of("/api/v1/routing/**"),
            "payment", List.of("/api/v1/payments/**"),
            "ledger", List.of("/api/v1/ledger/**"));

    @Bean
    RouterFunction<ServerResponse> downstreamRoutes(DownstreamServices services, CircuitBreakerFactory<?, ?> circuitBreakers) {
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<String, URI> service : services.byName().entrySet()) {
            String name = service.getKey();
            URI baseUrl = service.getValue();
            DownstreamGuard guard = new DownstreamGuard(name, circuitBreakers);

            RouterFunction<ServerResponse> api = route(name)
                    .route(path(API_PATHS.get(name).toArray(String[]::new)), http())
                    .before(uri(baseUrl))
                    .filter(guard)
                    .build();
            RouterFunction<ServerResponse> apiDocs = route(name + "-api-docs")
                    .GET("/v3/api-docs/" + name, http())
                    .before(uri(baseUrl))
                    .before(setPath("/v3/api-docs"))
                    .filter(guard)
                    .build();
            RouterFunction<ServerResponse> both = api.and(apiDocs);
            routes = routes == null ? both : routes.and(both);
        }
        return routes;
    }
}
