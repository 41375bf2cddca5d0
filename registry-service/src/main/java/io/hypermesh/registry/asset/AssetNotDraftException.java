package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class AssetNotDraftException extends ProblemException {

    AssetNotDraftException(AssetId id, int version, AssetStatus status) {
        super(HttpStatus.CONFLICT, "asset-not-draft", "Asset version is not a draft",
                "Version " + version + " of asset '" + id + "' is " + status + " and immutable; "
                        + "POST .../versions to make version " + (version + 1) + ".");
    }
}
