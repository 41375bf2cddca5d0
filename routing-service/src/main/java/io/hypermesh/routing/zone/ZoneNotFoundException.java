package io.hypermesh.routing.zone;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class ZoneNotFoundException extends ProblemException {

    ZoneNotFoundException(String name) {
        super(HttpStatus.NOT_FOUND, "zone-not-found", "Zone not found", "There is no zone named '" + name + "'.");
    }
}
