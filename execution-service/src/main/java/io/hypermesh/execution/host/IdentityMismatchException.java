package io.hypermesh.execution.host;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The key must be the caller's own, or a host could register a key whose signatures it cannot make. */
class IdentityMismatchException extends ProblemException {

    IdentityMismatchException(String derived, String caller) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "identity-mismatch", "Public key does not match the caller",
                "The public key derives identity '" + derived + "', but the token belongs to '" + caller + "'.");
    }
}
