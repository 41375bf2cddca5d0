package io.hypermesh.execution.placement;

import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;

/** routing-service's matrix API, as far as host placement uses it. */
interface RoutingHosts {

    @GetExchange("/api/v1/routing/zones/{zone}")
    void zone(@RequestHeader("Authorization") String bearer, @PathVariable String zone);

    @PutExchange("/api/v1/routing/hosts/{hostId}")
    void place(@RequestHeader("Authorization") String bearer, @PathVariable String hostId, @RequestBody Placement placement);

    @DeleteExchange("/api/v1/routing/hosts/{hostId}")
    void remove(@RequestHeader("Authorization") String bearer, @PathVariable String hostId);

    /** routing-service's UpsertHostRequest. */
    record Placement(String zone, Coordinate coordinate, Set<String> runtimes, int cpuCores, long memoryMb, long storageMb,
            Gpu gpu, Set<String> privacyLevels, int loadPermille, int reputation) {
    }

    record Coordinate(double x, double y, double z) {
    }

    record Gpu(String model, long memoryMb) {
    }
}
