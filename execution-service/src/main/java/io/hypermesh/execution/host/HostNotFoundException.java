package io.hypermesh.execution.host;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class HostNotFoundException extends ProblemException {

    HostNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "host-not-found", "Host not found", "There is no host '" + id + "'.");
    }
}
