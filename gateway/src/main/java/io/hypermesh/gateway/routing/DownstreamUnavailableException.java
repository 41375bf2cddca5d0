package io.hypermesh.gateway.routing;

/** The service could not be reached, or its circuit breaker is open: the gateway answers 503. */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;
    private final boolean circuitOpen;

    public DownstreamUnavailableException(String service, boolean circuitOpen, Throwable cause) {
        super(circuitOpen
                ? "The " + service + " service is failing; calls are paused for a moment"
                : "The " + service + " service cannot be reached", cause);
        this.service = service;
        this.circuitOpen = circuitOpen;
    }

    public String service() {
        return service;
    }

    public boolean circuitOpen() {
        return circuitOpen;
    }
}
