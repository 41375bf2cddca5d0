package io.hypermesh.execution.placement;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class ZoneUnknownException extends ProblemException {

    ZoneUnknownException(String zone) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "zone-not-found", "Zone not found",
                "routing-service has no zone named '" + zone + "'; an operator creates zones (POST /api/v1/routing/zones).");
        getBody().setProperty("zone", zone);
    }
}
