package io.hypermesh.execution.host;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class NotThisHostException extends ProblemException {

    NotThisHostException(String id) {
        super(HttpStatus.FORBIDDEN, "not-this-host", "Not this host",
                "Only host '" + id + "' itself (or, to remove it, an operator) may do this.");
    }
}
