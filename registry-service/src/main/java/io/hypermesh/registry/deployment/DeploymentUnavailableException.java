package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** This registry was started without the ledger's address, the gateway's or its own key. */
class DeploymentUnavailableException extends ProblemException {

    DeploymentUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "deployment-unavailable", "Deployment unavailable",
                "This registry is not configured to reach the ledger (HYPERMESH_LEDGER_URL, HYPERMESH_GATEWAY_URL, "
                        + "HYPERMESH_SERVICE_KEY_FILE); nothing was changed.");
    }
}
