package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The ledger would record the proof's author as the deployer: it has to be the asset's owner. */
class AuthorNotOwnerException extends ProblemException {

    AuthorNotOwnerException(String author, String owner) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "deployment-author-not-owner", "Proof not made by the owner",
                "The proof's stake.identity is " + author + " but the asset's owner is " + owner
                        + "; sign the deployment with the owner's key.");
        getBody().setProperty("field", "proof.stake.identity");
    }
}
