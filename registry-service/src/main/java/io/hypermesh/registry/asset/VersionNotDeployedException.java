package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only a DEPLOYED version can be executed: a DRAFT has no DEPLOYMENT block, a RETIRED one takes no new executions. */
class VersionNotDeployedException extends ProblemException {

    VersionNotDeployedException(AssetId id, int version, AssetStatus status) {
        super(HttpStatus.CONFLICT, "version-not-deployed", "Version not deployed",
                "Asset '" + id + "' version " + version + " is " + status + "; only a DEPLOYED version can be executed.");
        getBody().setProperty("assetId", id.toString());
        getBody().setProperty("version", version);
        getBody().setProperty("versionStatus", status.name());
    }
}
