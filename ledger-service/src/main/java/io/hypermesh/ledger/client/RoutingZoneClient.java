package io.hypermesh.ledger.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Optional;
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
    private final ExpiringCache<String, Bounds> cache;

    RoutingZoneClient(Zones zones, ClientProperties properties, Clock clock) {
        this.zones = zones;
        this.cache = new ExpiringCache<>(properties.zoneCacheTtl(), clock);
    }

    @Override
    public boolean contains(String zone, double x, double y, double z) {
        return bounds(zone).map(bounds -> bounds.contains(x, y, z)).orElse(false);
    }

    /** Empty for a zone routing does not know; unknown zones are not cached, so a new zone counts at once. */
    private Optional<Bounds> bounds(String zone) {
        Optional<Bounds> cached = cache.get(zone);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            Bounds bounds = RemoteLookups.call(breaker, () -> zones.zone(zone).bounds(),
                    e -> new ZoneUnavailableException("routing-service did not answer", e));
            cache.put(zone, bounds);
            return Optional.of(bounds);
        } catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        } catch (HttpClientErrorException refused) {
            throw new ZoneUnavailableException("routing-service refused the zone lookup: " + refused.getStatusCode(), refused);
        }
    }
}
