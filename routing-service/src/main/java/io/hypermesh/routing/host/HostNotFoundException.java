package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class HostNotFoundException extends ProblemException {

    HostNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "host-not-found", "Host not found", "The matrix has no host '" + id + "'.");
    }
}
