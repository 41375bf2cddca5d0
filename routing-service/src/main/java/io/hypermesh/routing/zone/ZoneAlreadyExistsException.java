package io.hypermesh.routing.zone;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class ZoneAlreadyExistsException extends ProblemException {

    ZoneAlreadyExistsException(String name) {
        super(HttpStatus.CONFLICT, "zone-exists", "Zone already exists", "A zone named '" + name + "' already exists.");
    }
}
