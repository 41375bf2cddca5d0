package io.hypermesh.execution.host;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class HostAlreadyOnlineException extends ProblemException {

    HostAlreadyOnlineException(HostId id) {
        super(HttpStatus.CONFLICT, "host-already-online", "Host already online",
                "Host '" + id + "' is online; leave before joining again, or keep sending heartbeats.");
    }
}
