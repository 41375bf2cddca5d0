package io.hypermesh.payment.escrow;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Answers like any other invalid field: 400 validation naming 'hosts'. */
class DuplicateHostException extends ProblemException {

    DuplicateHostException(String host) {
        super(HttpStatus.BAD_REQUEST, "validation", "Validation failed", "The request has 1 invalid field(s); see 'errors'.");
        getBody().setProperty("errors", List.of(Map.of("field", "hosts",
                "message", "names host " + host + " more than once; report each host's usage once")));
    }
}
