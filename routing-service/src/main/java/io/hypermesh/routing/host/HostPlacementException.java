package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The zone named for a host does not exist, or the coordinate given lies outside it. */
class HostPlacementException extends ProblemException {

    HostPlacementException(String type, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, type, "Host cannot be placed", detail);
    }
}
