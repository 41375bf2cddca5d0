package io.hypermesh.registry.web;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A field that Bean Validation cannot judge alone (it needs parsing or configuration); answered in
 * the same shape as any other validation failure, so clients handle one format.
 */
public class InvalidFieldException extends ProblemException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation", "Validation failed", "The request has 1 invalid field(s); see 'errors'.");
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
