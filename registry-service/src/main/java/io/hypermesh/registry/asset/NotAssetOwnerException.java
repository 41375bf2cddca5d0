package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class NotAssetOwnerException extends ProblemException {

    NotAssetOwnerException(AssetId id) {
        super(HttpStatus.FORBIDDEN, "not-asset-owner", "Not the asset's owner", "Only the owner may change asset '" + id + "'.");
    }
}
