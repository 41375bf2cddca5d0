package io.hypermesh.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway. Validated at start-up so a typo in an environment
 * variable stops the gateway instead of turning every call into a 503 later.
 */
@Validated
@ConfigurationProperties("hypermesh.gateway.services")
public record DownstreamServices(
        @NotNull URI registry,
        @NotNull URI execution,
        @NotNull URI routing,
        @NotNull URI payment,
        @NotNull URI ledger) {

    public DownstreamServices {
        requireHttp("registry", registry);
        requireHttp("execution", execution);
        requireHttp("routing", routing);
        requireHttp("payment", payment);
        requireHttp("ledger", ledger);
    }

    /** Service name to base URL, in a stable order (the Swagger UI lists them in this order too). */
    public Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("registry", registry);
        services.put("execution", execution);
        services.put("routing", routing);
        services.put("payment", payment);
        services.put("ledger", ledger);
        return services;
    }

    private static void requireHttp(String name, URI uri) {
        if (uri == null) {
            return; // @NotNull reports it with the property name
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(
                    "hypermesh.gateway.services." + name + " must be an absolute http(s) URL, was '" + uri + "'");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) {
            // Paths are forwarded unchanged, so a base path would silently be dropped by the proxy.
            throw new IllegalArgumentException(
                    "hypermesh.gateway.services." + name + " must not have a path, was '" + uri + "'");
        }
    }
}
