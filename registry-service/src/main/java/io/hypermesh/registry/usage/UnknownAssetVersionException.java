package io.hypermesh.registry.usage;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

class UnknownAssetVersionException extends ProblemException {

    UnknownAssetVersionException(String assetId, int version) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-asset-version", "Unknown asset version",
                "Asset '" + assetId + "' has no version " + version + ".");
        getBody().setProperty("errors", List.of(
                Map.of("field", "assetId", "message", "must name an existing asset"),
                Map.of("field", "version", "message", "must be an existing version of that asset")));
    }
}
