package io.hypermesh.registry.network;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

class NetworkNameTakenException extends ProblemException {

    NetworkNameTakenException(String name) {
        super(HttpStatus.CONFLICT, "network-name-taken", "Network name taken", "You already own a network named '" + name + "'.");
        getBody().setProperty("errors", List.of(Map.of("field", "name", "message", "must be unique among your networks")));
    }
}
