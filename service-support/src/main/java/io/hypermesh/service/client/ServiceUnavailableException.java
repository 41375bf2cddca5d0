package io.hypermesh.service.client;

/** No usable answer from the called service (down, slow, 5xx, circuit open, token refused): try again later. */
public class ServiceUnavailableException extends RuntimeException {

    private final String callee;

    ServiceUnavailableException(String callee, String reason, Throwable cause) {
        super(callee + " is unavailable: " + reason, cause);
        this.callee = callee;
    }

    public String callee() {
        return callee;
    }
}
