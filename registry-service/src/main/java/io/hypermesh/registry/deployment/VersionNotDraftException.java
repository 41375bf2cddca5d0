package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Only a draft can be deployed (the same problem type as editing a version that is not a draft). */
class VersionNotDraftException extends ProblemException {

    VersionNotDraftException(UUID assetId, int version, String status) {
        super(HttpStatus.CONFLICT, "asset-not-draft", "Asset version is not a draft",
                "Version " + version + " of asset '" + assetId + "' is " + status + "; only a draft can be deployed.");
    }
}
