package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** RFC 6585: an update without If-Match could silently overwrite someone else's change. */
class PreconditionRequiredException extends ProblemException {

    PreconditionRequiredException() {
        super(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                "Send the ETag of the asset you read in an If-Match header.");
    }
}
