package io.hypermesh.routing.zone;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class ZoneService {

    private final ZoneRepository zones;
    private final Clock clock;

    ZoneService(ZoneRepository zones, Clock clock) {
        this.zones = zones;
        this.clock = clock;
    }

    Zone create(CreateZoneRequest request, String operator) {
        Zone zone = new Zone(request.name(), request.description(), request.bounds(), operator,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!zones.insert(zone)) {
            throw new ZoneAlreadyExistsException(request.name());
        }
        return zone;
    }

    Zone get(String name) {
        return zones.findByName(name).orElseThrow(() -> new ZoneNotFoundException(name));
    }

    /** The bounds of a zone, for other features that bind things to zones. */
    public Optional<Bounds> boundsOf(String name) {
        return zones.findByName(name).map(Zone::bounds);
    }

    List<Zone> list() {
        return zones.findAll();
    }
}
