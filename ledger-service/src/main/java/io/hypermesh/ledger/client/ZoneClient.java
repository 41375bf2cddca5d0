package io.hypermesh.ledger.client;

/**
 * Whether a zone exists and contains a coordinate, as routing-service (which owns zones) knows it
 * ({@link RoutingZoneClient}). Without {@code HYPERMESH_ROUTING_URL} no client exists and the space proof
 * is checked only for a well-formed zone name and a finite coordinate.
 */
public interface ZoneClient {

    /** True when the zone exists and its bounds contain (x, y, z). */
    boolean contains(String zone, double x, double y, double z) throws ZoneUnavailableException;

    class ZoneUnavailableException extends RuntimeException {

        public ZoneUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
