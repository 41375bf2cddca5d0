package io.hypermesh.ledger.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.service.annotation.GetExchange;

/** Zones from routing-service's public zone API, cached (zones rarely change), behind a circuit breaker. */
final class RoutingZoneClient implements ZoneClient {

    interface Zones {
        @GetExchange("/api/v1/routing/zones/{name}")
        ZoneView zone(@PathVariable String name);
    }

    record Point(double x, double y, double z) {
    }

    record Bounds(Point min, Point max) {

        boolean contains(double x, double y, double z) {
            return min.x() <= x && x <= max.x() && min.y() <= y && y <= max.y() && min.z() <= z && z <= max.z();
        }
    }

    record ZoneView(String name, Bounds bounds) {
    }

    private final Zones zones;
    private final CircuitBreaker breaker = RemoteLookups.circuitBreaker("routing");
    private final LookupCache<String, Bounds> cache;

    RoutingZoneClient(Zones zones, ClientProperties properties) {
        this.zones = zones;
        this.cache = new LookupCache<>(properties.zoneCacheTtl(), this::lookUp);
    }

    @Override
    public boolean contains(String zone, double x, double y, double z) {
        Bounds bounds = cache.get(zone);
        return bounds != null && bounds.contains(x, y, z);
    }

    /** Null for a zone routing does not know: nothing is cached then, so a zone created later counts at once. */
    private Bounds lookUp(String zone) {
        try {
            return RemoteLookups.call(breaker, () -> zones.zone(zone).bounds(),
                    e -> new ZoneUnavailableException("routing-service did not answer", e));
        } catch (HttpClientErrorException.NotFound unknown) {
            return null;
        } catch (HttpClientErrorException refused) {
            throw new ZoneUnavailableException("routing-service refused the zone lookup: " + refused.getStatusCode(), refused);
        }
    }
}
