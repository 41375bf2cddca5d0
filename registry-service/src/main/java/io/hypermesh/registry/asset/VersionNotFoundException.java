package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only for assets the caller may see; an invisible asset's versions answer asset-not-found. */
class VersionNotFoundException extends ProblemException {

    VersionNotFoundException(AssetId id, int version) {
        super(HttpStatus.NOT_FOUND, "version-not-found", "Version not found",
                "Asset '" + id + "' has no version " + version + ".");
    }
}
