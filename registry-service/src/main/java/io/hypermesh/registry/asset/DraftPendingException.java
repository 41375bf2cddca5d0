package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** One draft at a time: a second one would leave two competing "next" versions. */
class DraftPendingException extends ProblemException {

    DraftPendingException(AssetId id, int draftVersion) {
        super(HttpStatus.CONFLICT, "draft-pending", "A draft version already exists",
                "Version " + draftVersion + " of asset '" + id + "' is still a draft; edit it (PUT with If-Match) "
                        + "or retire it before making another version.");
        getBody().setProperty("draftVersion", draftVersion);
    }
}
