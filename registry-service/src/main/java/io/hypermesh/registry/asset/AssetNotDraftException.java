package io.hypermesh.registry.asset;

import io.hypermesh.registry.web.ProblemException;
import org.springframework.http.HttpStatus;

class AssetNotDraftException extends ProblemException {

    AssetNotDraftException(AssetId id, AssetStatus status) {
        super(HttpStatus.CONFLICT, "asset-not-draft", "Asset is not a draft",
                "Asset '" + id + "' is " + status + "; only a DRAFT can be edited.");
    }
}
