package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

class DeploymentInProgressException extends ProblemException {

    DeploymentInProgressException() {
        super(HttpStatus.CONFLICT, "deployment-in-progress", "Deployment in progress",
                "Another request is deploying this version right now; retry with the same Idempotency-Key in a moment.");
        getHeaders().set("Retry-After", "1");
    }
}
