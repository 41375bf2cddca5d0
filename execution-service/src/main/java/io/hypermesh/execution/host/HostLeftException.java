package io.hypermesh.execution.host;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class HostLeftException extends ProblemException {

    HostLeftException(HostId id) {
        super(HttpStatus.CONFLICT, "host-left", "Host has left",
                "Host '" + id + "' has left the network; join again before sending heartbeats.");
    }
}
