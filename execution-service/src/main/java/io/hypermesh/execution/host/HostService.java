package io.hypermesh.execution.host;

import io.hypermesh.execution.placement.HostPlacements;
import io.hypermesh.execution.web.InvalidFieldException;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.Identity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class HostService {

    private static final Logger log = LoggerFactory.getLogger(HostService.class);

    private final HostRepository hosts;
    private final HostProperties properties;
    private final ApplicationEventPublisher events;
    private final HostPlacements placements;
    private final Clock clock;

    HostService(HostRepository hosts, HostProperties properties, ApplicationEventPublisher events, HostPlacements placements,
            Clock clock) {
        this.hosts = hosts;
        this.properties = properties;
        this.events = events;
        this.placements = placements;
        this.clock = clock;
    }

    /**
     * The caller joins as a host under its own identity, proven by the public key it derives from, in a zone routing
     * knows; its placement in routing's matrix is recorded in the same transaction.
     */
    @Transactional
    Host join(JoinHostRequest request, String caller) {
        Ed25519.PublicKeyBytes key;
        try {
            key = Ed25519.PublicKeyBytes.fromBase64Url(request.publicKey());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("publicKey", "must be the unpadded base64url of a raw 32-byte Ed25519 public key");
        }
        String derived = Identity.of(key).value();
        if (!derived.equals(caller)) {
            throw new IdentityMismatchException(derived, caller);
        }
        HostId id = new HostId(caller);
        placements.requireZone(request.zone());
        Host host = Host.joining(id, key.toBase64Url(), request, now());
        if (!hosts.join(host)) {
            throw new HostAlreadyOnlineException(id);
        }
        placements.changed(id.value(), host.joinedAt());
        events.publishEvent(new HostJoined(id.value(), host.zone(), host.coordinate().x(), host.coordinate().y(),
                host.coordinate().z(), host.joinedAt()));
        return host;
    }

    Host get(String id) {
        return HostId.parse(id).flatMap(hosts::findById).orElseThrow(() -> new HostNotFoundException(id));
    }

    HostPage list(HostStatus status, String runtime, String after, int limit) {
        HostId cursor = null;
        if (after != null && !after.isBlank()) {
            cursor = HostId.parse(after).orElseThrow(() ->
                    new InvalidFieldException("after", "must be the 'next' cursor of a previous page"));
        }
        // One row more than asked tells whether another page exists without a count query.
        List<Host> rows = hosts.find(status, runtime, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<Host> page = more ? rows.subList(0, limit) : rows;
        return new HostPage(page.stream().map(HostResponse::of).toList(),
                more ? page.get(page.size() - 1).id().value() : null);
    }

    @Transactional
    Host heartbeat(String id, HeartbeatRequest request, String caller) {
        if (!id.equals(caller)) {
            throw new NotThisHostException(id);
        }
        HostId hostId = HostId.parse(id).orElseThrow(() -> new HostNotFoundException(id));
        Instant now = now();
        Host host = hosts.recordHeartbeat(hostId, request.load(), request.runningAssignments(), now)
                .orElseThrow(() -> hosts.findById(hostId).isPresent()
                        ? new HostLeftException(hostId)
                        : new HostNotFoundException(id));
        placements.heartbeat(id, request.load(), now);
        return host;
    }

    /** Leaving is idempotent: a host that already left stays LEFT and the answer is the same. */
    @Transactional
    void leave(String id, String caller, boolean operator) {
        Host host = get(id);
        if (!host.mayBeManagedBy(caller, operator)) {
            throw new NotThisHostException(id);
        }
        Instant now = now();
        if (hosts.markLeft(host.id(), now)) {
            placements.changed(host.id().value(), now);
            events.publishEvent(new HostLeft(host.id().value(), now));
        }
    }

    /**
     * Marks hosts silent for one window SUSPECT (no new work: only ONLINE hosts are offered any; routing keeps
     * them, so a late heartbeat costs nothing), and those silent for the heartbeat timeout OFFLINE (and out of
     * routing's matrix); returns how many went OFFLINE.
     */
    @Transactional
    int markSilentHostsOffline() {
        Instant now = now();
        int suspect = hosts.markSilentSuspect(now.minus(properties.suspectAfter()), now);
        if (suspect > 0) {
            log.info("Marked {} host(s) SUSPECT after {} without a heartbeat", suspect, properties.suspectAfter());
        }
        List<Host> silent = hosts.markSilentOffline(now.minus(properties.heartbeatTimeout()), now);
        for (Host host : silent) {
            placements.changed(host.id().value(), now);
            events.publishEvent(new HostWentOffline(host.id().value(), host.lastHeartbeatAt(), now));
        }
        if (!silent.isEmpty()) {
            log.info("Marked {} host(s) OFFLINE after {} without a heartbeat", silent.size(), properties.heartbeatTimeout());
        }
        return silent.size();
    }

    long heartbeatTimeoutSeconds() {
        return properties.heartbeatTimeout().toSeconds();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating here makes the returned and the re-read value equal.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
