package io.hypermesh.ledger.client;

/**
 * Whether a zone exists and contains a coordinate, as routing-service (which owns zones) knows it.
 *
 * <p><b>Not wired yet:</b> this service ships no implementation. While no bean of this type exists, the
 * space proof is checked only for a syntactically valid zone name and a finite coordinate; it is not
 * claimed that the zone exists. The implementation to add calls
 * {@code GET /api/v1/routing/zones/{name}} through an {@code @HttpExchange} client with timeouts, a cache and
 * a circuit breaker; an unreachable routing-service must surface as {@link ZoneUnavailableException}.
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
