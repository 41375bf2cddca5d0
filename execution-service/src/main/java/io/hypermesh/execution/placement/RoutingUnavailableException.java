package io.hypermesh.execution.placement;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** routing-service could not confirm the zone: the join is refused for now, nothing was stored. */
class RoutingUnavailableException extends ProblemException {

    RoutingUnavailableException(RuntimeException cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "routing-unavailable", "Routing unavailable",
                "routing-service could not confirm the zone just now; try again shortly.", cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
