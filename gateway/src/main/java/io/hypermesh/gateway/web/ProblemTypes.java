package io.hypermesh.gateway.web;

import java.net.URI;

/** The stable {@code type} URIs of every Problem Details answer the gateway gives (listed in the README). */
public final class ProblemTypes {

    public static final String BASE = "https://hypermesh.io/problems/";

    public static final URI BAD_REQUEST = of("bad-request");
    public static final URI VALIDATION_FAILED = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-body");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");
    public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
