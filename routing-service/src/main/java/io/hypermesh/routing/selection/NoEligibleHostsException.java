package io.hypermesh.routing.selection;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class NoEligibleHostsException extends ProblemException {

    NoEligibleHostsException(String constraint, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "no-eligible-hosts", "No host satisfies the constraints", detail);
        getBody().setProperty("constraint", constraint);
    }
}
