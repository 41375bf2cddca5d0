package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

class CodeTooLargeException extends ProblemException {

    CodeTooLargeException(long sizeBytes, long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "code-too-large", "Code too large",
                "The code is " + sizeBytes + " bytes (UTF-8); the limit is " + limitBytes + " bytes.");
        getBody().setProperty("errors", List.of(Map.of("field", "code", "message", "must be at most " + limitBytes + " bytes")));
        getBody().setProperty("limitBytes", limitBytes);
    }
}
