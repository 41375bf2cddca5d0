package io.hypermesh.execution.placement;

import io.hypermesh.service.client.ServiceRefusedException;
import io.hypermesh.service.client.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers the outbox: each claimed host's current state goes to routing — a PUT while it is ONLINE and offers a
 * privacy level, a DELETE otherwise, so an OFFLINE or departed host is never selectable. A failed delivery is
 * retried with exponential back-off (1 s doubling up to 60 s) until routing takes it; a 4xx other than 404 is
 * retried too, slowly, and logged, because the host's next change may fix it.
 */
class PlacementDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PlacementDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final PlacementRepository outbox;
    private final RoutingClient routing;
    private final PlacementProperties properties;
    private final Clock clock;

    PlacementDispatcher(PlacementRepository outbox, RoutingClient routing, PlacementProperties properties, Clock clock) {
        this.outbox = outbox;
        this.routing = routing;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hypermesh.execution.placement.dispatch-interval:500ms}")
    void dispatch() {
        List<PlacementRepository.Pending> claimed = outbox.claim(properties.batchSize(), properties.lease(), clock.instant());
        for (PlacementRepository.Pending pending : claimed) {
            deliver(pending);
        }
    }

    private void deliver(PlacementRepository.Pending pending) {
        try {
            if (placeable(pending)) {
                routing.call(bearer -> {
                    routing.hosts().place(bearer, pending.hostId(), pending.placement());
                    return null;
                });
            } else {
                remove(pending.hostId());
            }
            outbox.delivered(pending, clock.instant());
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            Duration retryIn = backoff(pending.attempts());
            if (e instanceof ServiceRefusedException) {
                log.warn("routing-service refused the placement of host {} (retrying in {}): {}", pending.hostId(), retryIn,
                        e.getMessage());
            }
            outbox.failed(pending, e.getMessage(), retryIn, clock.instant());
        }
    }

    private void remove(String hostId) {
        try {
            routing.call(bearer -> {
                routing.hosts().remove(bearer, hostId);
                return null;
            });
        } catch (ServiceRefusedException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            // never placed, or already removed: the state routing should have
        }
    }

    /** Routing selects only hosts that offer at least one privacy level, so one without any is kept out. */
    private static boolean placeable(PlacementRepository.Pending pending) {
        return "ONLINE".equals(pending.status()) && !pending.placement().privacyLevels().isEmpty();
    }

    static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 6));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
