package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A deployment of this draft is in flight; editing or retiring it now would leave the ledger's block describing another version. */
class VersionDeployingException extends ProblemException {

    VersionDeployingException(AssetId id, int version) {
        super(HttpStatus.CONFLICT, "deployment-in-progress", "Deployment in progress",
                "Version " + version + " of asset '" + id + "' is being deployed; it cannot change until the deployment "
                        + "finishes (deployed) or is refused (a draft again). Retry in a moment.");
        getBody().setProperty("version", version);
    }
}
