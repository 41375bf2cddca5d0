package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Deployed by a request with another Idempotency-Key; the same key would have answered the deployment. */
class VersionAlreadyDeployedException extends ProblemException {

    VersionAlreadyDeployedException(UUID assetId, int version, long blockHeight) {
        super(HttpStatus.CONFLICT, "version-already-deployed", "Version already deployed",
                "Version " + version + " of asset '" + assetId + "' was deployed in ledger block " + blockHeight + ".");
        getBody().setProperty("blockHeight", blockHeight);
    }
}
