package io.hypermesh.routing.zone;

import java.time.Instant;

record ZoneResponse(String name, String description, Bounds bounds, String createdBy, Instant createdAt) {

    static ZoneResponse of(Zone zone) {
        return new ZoneResponse(zone.name(), zone.description(), zone.bounds(), zone.createdBy(), zone.createdAt());
    }
}
