package io.hypermesh.registry.network;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Also the answer to anyone but the owner: a network's existence and membership are the owner's business. */
class NetworkNotFoundException extends ProblemException {

    NetworkNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "network-not-found", "Network not found", "You own no network '" + id + "'.");
    }
}
