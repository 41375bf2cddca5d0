package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A check that needs another service could not be made: the append is refused, never accepted unchecked. */
class DependencyUnavailableException extends ProblemException {

    DependencyUnavailableException(String type, String title, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail);
    }
}
