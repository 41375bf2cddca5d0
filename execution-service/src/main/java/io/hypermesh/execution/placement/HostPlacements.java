package io.hypermesh.execution.placement;

import io.hypermesh.service.client.ServiceRefusedException;
import io.hypermesh.service.client.ServiceUnavailableException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the host feature tells placement: a change to record in the outbox (called inside the change's own
 * transaction, so that it is never lost), and the check that a zone named at join exists at routing.
 */
@Component
public class HostPlacements {

    private static final Logger log = LoggerFactory.getLogger(HostPlacements.class);

    private final PlacementRepository outbox;
    private final PlacementProperties properties;
    private final Optional<RoutingClient> routing;

    HostPlacements(PlacementRepository outbox, PlacementProperties properties, Optional<RoutingClient> routing) {
        this.outbox = outbox;
        this.properties = properties;
        this.routing = routing;
        if (routing.isEmpty()) {
            log.warn("Host placement is off (routing-url, gateway-url or service-key-file not set): hosts are not placed in"
                    + " routing's matrix and zones named at join are not checked; their changes wait in the outbox");
        }
    }

    /** The host joined, left, went OFFLINE or came back: routing gets its state as it is when delivered. */
    public void changed(String hostId, Instant now) {
        outbox.changed(hostId, now);
    }

    public void heartbeat(String hostId, int load, Instant now) {
        outbox.heartbeat(hostId, load, properties.loadStep(), now);
    }

    /** Refuses a join into a zone routing does not know (422); 503 while routing cannot say. */
    public void requireZone(String zone) {
        routing.ifPresent(client -> {
            try {
                client.call(bearer -> {
                    client.hosts().zone(bearer, zone);
                    return null;
                });
            } catch (ServiceRefusedException refused) {
                if (refused.status() == 404) {
                    throw new ZoneUnknownException(zone);
                }
                throw new RoutingUnavailableException(refused);
            } catch (ServiceUnavailableException unavailable) {
                throw new RoutingUnavailableException(unavailable);
            }
        });
    }
}
