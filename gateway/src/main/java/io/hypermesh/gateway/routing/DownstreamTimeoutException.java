package io.hypermesh.gateway.routing;

/** The service accepted the call but did not answer within the read timeout: the gateway answers 504. */
public class DownstreamTimeoutException extends RuntimeException {

    private final String service;

    public DownstreamTimeoutException(String service, Throwable cause) {
        super("The " + service + " service did not answer in time", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
