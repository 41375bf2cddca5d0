package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A payload that has no RFC 8785 canonical form or is too large: a validation failure of the 'payload' field. */
class InvalidPayloadException extends ProblemException {

    InvalidPayloadException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation", "Validation failed", "The request has 1 invalid field(s); see 'errors'.");
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
