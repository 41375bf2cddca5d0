package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The edit would make the version depend on itself; {@code cycle} lists the path, "assetId@version" each. */
class DependencyCycleException extends ProblemException {

    DependencyCycleException(List<VersionRef> cycle) {
        super(HttpStatus.CONFLICT, "dependency-cycle", "Dependency cycle",
                "These dependencies would form a cycle: " + String.join(" -> ", cycle.stream().map(VersionRef::toString).toList()) + ".");
        getBody().setProperty("cycle", cycle.stream().map(VersionRef::toString).toList());
        getBody().setProperty("errors", List.of(Map.of("field", "dependencies", "message", "must not lead back to this version")));
    }
}
