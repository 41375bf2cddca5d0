package io.hypermesh.service.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Stable problem type URIs shared by every service; the catalogue is docs/problems.md. */
public final class ProblemTypes {

    public static final String BASE = "https://hypermesh.io/problems/";

    private static final Map<Integer, String> BY_STATUS = Map.of(
            400, "bad-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            415, "unsupported-media-type",
            500, "internal-error",
            503, "service-unavailable");

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }

    public static URI forStatus(HttpStatus status) {
        return uri(BY_STATUS.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "internal-error"));
    }
}
