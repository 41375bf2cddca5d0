package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostIndex;
import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;
import io.hypermesh.routing.zone.Bounds;
import io.hypermesh.routing.zone.Coordinate;
import io.hypermesh.routing.zone.ZoneService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the matrix: the table first (the source of truth every replica follows), then this
 * replica's index, so a selection here sees the write at once and other replicas within a sync period.
 */
@Service
class HostService {

    static final int DEFAULT_REPUTATION = 500;
    static final double INITIAL_COORDINATE_ERROR = 1.0;

    private final HostRepository hosts;
    private final ZoneService zones;
    private final HostIndex index;

    HostService(HostRepository hosts, ZoneService zones, HostIndex index) {
        this.hosts = hosts;
        this.zones = zones;
        this.index = index;
    }

    @Transactional
    HostProfile upsert(String id, UpsertHostRequest request) {
        Bounds bounds = zones.boundsOf(request.zone()).orElseThrow(() -> new HostPlacementException("unknown-zone",
                "Field 'zone': there is no zone named '" + request.zone() + "'."));
        Coordinate position = request.coordinate() != null ? request.coordinate() : centre(bounds);
        if (!bounds.contains(position)) {
            throw new HostPlacementException("coordinate-outside-zone",
                    "Field 'coordinate': " + position + " lies outside zone '" + request.zone() + "'.");
        }
        int privacy = 0;
        for (PrivacyLevel level : request.privacyLevels()) {
            privacy |= level.bit();
        }
        HostProfile requested = new HostProfile(id, request.zone(), position.x(), position.y(), position.z(),
                INITIAL_COORDINATE_ERROR, request.runtimes(), request.cpuCores(), request.memoryMb(), request.storageMb(),
                request.gpu() == null ? null : request.gpu().model(), request.gpu() == null ? 0 : request.gpu().memoryMb(),
                privacy, request.loadPermille() == null ? 0 : request.loadPermille(),
                request.reputation() == null ? DEFAULT_REPUTATION : request.reputation(), 0);
        HostProfile stored = hosts.upsert(requested);
        index.upsert(stored);
        return stored;
    }

    @Transactional
    HostProfile reportLoad(String id, LoadReport report) {
        HostProfile stored = hosts.updateLoad(id, report.loadPermille(), report.reputation())
                .orElseThrow(() -> new HostNotFoundException(id));
        index.upsert(stored);
        return stored;
    }

    /** Moves the host by one Vivaldi step towards agreement with the measured round-trip time. */
    @Transactional
    HostProfile recordRtt(String id, RttSample sample) {
        if (id.equals(sample.peerHostId())) {
            throw new HostPlacementException("rtt-to-self", "Field 'peerHostId': a host cannot measure itself.");
        }
        HostProfile peer = hosts.findActive(sample.peerHostId()).orElseThrow(() -> new HostNotFoundException(sample.peerHostId()));
        HostProfile self = hosts.findActiveForUpdate(id).orElseThrow(() -> new HostNotFoundException(id));
        Vivaldi.Estimate estimate = Vivaldi.update(self, peer, sample.rttMillis());
        HostProfile stored = hosts.updatePosition(id, estimate.x(), estimate.y(), estimate.z(), estimate.error());
        index.upsert(stored);
        return stored;
    }

    @Transactional
    void remove(String id) {
        HostRepository.HostRow removed = hosts.markRemoved(id).orElseThrow(() -> new HostNotFoundException(id));
        index.remove(id, removed.profile().version());
    }

    HostProfile get(String id) {
        return index.get(id).orElseGet(() -> hosts.findActive(id).orElseThrow(() -> new HostNotFoundException(id)));
    }

    private static Coordinate centre(Bounds bounds) {
        return new Coordinate((bounds.min().x() + bounds.max().x()) / 2, (bounds.min().y() + bounds.max().y()) / 2,
                (bounds.min().z() + bounds.max().z()) / 2);
    }
}
