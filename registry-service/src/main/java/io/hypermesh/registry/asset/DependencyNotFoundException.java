package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A dependency that does not exist or that the owner may not see: the same answer, so nothing leaks. */
class DependencyNotFoundException extends ProblemException {

    DependencyNotFoundException(String field, VersionRef ref) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "dependency-not-found", "Dependency not found",
                "There is no version " + ref.version() + " of asset '" + ref.assetId() + "' visible to you.");
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", "must name an existing version you may see")));
    }
}
