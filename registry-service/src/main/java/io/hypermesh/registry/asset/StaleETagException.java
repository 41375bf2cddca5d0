package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class StaleETagException extends ProblemException {

    StaleETagException(AssetId id, String currentEtag) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Asset has changed",
                "Asset '" + id + "' changed since you read it (its ETag is now " + currentEtag + "); read it again and retry.");
    }
}
