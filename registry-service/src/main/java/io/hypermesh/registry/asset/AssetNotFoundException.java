package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Also the answer for an asset the caller may not see, so that its existence does not leak. */
class AssetNotFoundException extends ProblemException {

    AssetNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "asset-not-found", "Asset not found", "There is no asset '" + id + "' visible to you.");
    }
}
